package dev.todo.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real haproxy, its runtime API and its health checks, with no replica behind it. */
class LoadBalancerTest {

    @Test
    void aSlotPointedAtAPortWhereNothingListensNeverComesUpAndServesNothing(@TempDir Path work) throws Exception {
        try (LoadBalancer balancer = LoadBalancer.start(Path.of("/usr/sbin/haproxy"), work, List.of("v1-0-a", "v1-0-b"))) {
            assertThat(balancer.stats()).containsOnlyKeys("v1-0-a", "v1-0-b");
            assertThat(balancer.stats().get("v1-0-a").status()).isEqualTo("MAINT");

            balancer.enable("v1-0-a", Replica.freePort());

            // haproxy puts a server leaving maintenance UP at once; two failed checks 500 ms apart take it out.
            assertThat(balancer.awaitStatus("v1-0-a", "DOWN", Duration.ofSeconds(3))).isLessThan(Duration.ofSeconds(3));
            assertThatThrownBy(() -> balancer.awaitStatus("v1-0-a", "UP", Duration.ofMillis(1500)))
                    .hasMessage("haproxy did not mark v1-0-a UP within 1500 ms (still DOWN)");
            assertThat(balancer.awaitIdle("v1-0-a", Duration.ofSeconds(1))).isLessThan(Duration.ofSeconds(1));
            balancer.remove("v1-0-a");
            assertThat(balancer.stats().get("v1-0-a").status()).isEqualTo("MAINT");
        }
    }

    @Test
    void aStateHaproxyDoesNotKnowIsRefusedWithItsAnswer(@TempDir Path work) throws Exception {
        try (LoadBalancer balancer = LoadBalancer.start(Path.of("/usr/sbin/haproxy"), work, List.of("v1-0-a"))) {
            assertThatThrownBy(() -> balancer.enable("v1-0-z", 8080))
                    .hasMessageStartingWith("haproxy did not point v1-0-z at port 8080:");
        }
    }
}
