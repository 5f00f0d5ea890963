package dev.todo.cluster;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplicaTest {

    @Test
    void aReplicaThatExitsBeforeItIsReadyIsReportedWithItsExitCodeAndTheEndOfItsLog(@TempDir Path work)
            throws Exception {
        ReplicaSettings settings = ReplicaSettings.defaults(
                new Database.Location("jdbc:postgresql://127.0.0.1:1/todo", "todo", "x"), "http://127.0.0.1:1");
        Replica replica = Replica.start("v1-0-a", "1.0", settings, work.resolve("no-such.jar"),
                Path.of(System.getProperty("java.home")), work);

        assertThatThrownBy(() -> replica.awaitReady(Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Replica v1-0-a exited with 1 before it was ready; its log ends with:")
                .hasMessageContaining("Unable to access jarfile");
    }
}
