package dev.todo.cluster;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
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

    /** Listening ports come from below the ephemeral range, where outgoing connections cannot take them first. */
    @Test
    void listeningPortsAreFreeAndBelowTheEphemeralRange() throws Exception {
        int ephemeralFrom = Integer.parseInt(java.nio.file.Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                .getFirst().strip().split("\\s+")[0]);
        for (int i = 0; i < 20; i++) {
            int port = Replica.freePort();
            assertThat(port).isBetween(20_000, ephemeralFrom - 1);
            try (java.net.ServerSocket socket = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }
}
