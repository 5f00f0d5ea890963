package dev.todo.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.todo.server.Api;
import dev.todo.server.Api.Session;
import dev.todo.server.TodoServerApplication;
import dev.todo.server.events.SseClient.Frame;

/**
 * Two replicas on one PostgreSQL and no broker, as the chart runs them by default: a change made through one reaches
 * the streams open on the other (each follows the outbox).
 */
class TwoReplicasTest {

    private static final String JWT_SECRET = "gerJuqxm7JRLpxCf7asQ+LmngXtQsCPIb25ebVOa7DPIdEeWTun/ybAw9LVuPw3N";

    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext replicaA;
    private static ConfigurableApplicationContext replicaB;

    @BeforeAll
    static void start(@TempDir Path homeA, @TempDir Path homeB) throws Exception {
        postgres = EmbeddedPostgres.start();
        replicaA = replica(homeA);
        replicaB = replica(homeB);
    }

    @AfterAll
    static void stop() throws Exception {
        replicaA.close();
        replicaB.close();
        postgres.close();
    }

    private static ConfigurableApplicationContext replica(Path home) {
        String[] args = Stream.of("server.port=0", "todo.home=" + home, "todo.security.jwt-secret=" + JWT_SECRET,
                        "todo.database.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                        "todo.database.username=postgres", "todo.database.password=unused",
                        "todo.rate-limit.user-per-minute=100000", "todo.rate-limit.address-per-minute=100000")
                .map(p -> "--" + p).toArray(String[]::new);
        return new SpringApplicationBuilder(TodoServerApplication.class).run(args);
    }

    private static String base(ConfigurableApplicationContext replica) {
        return "http://localhost:" + replica.getEnvironment().getProperty("local.server.port");
    }

    @Test
    void aChangeOnOneReplicaReachesAStreamOnTheOtherAndOnlyItsOwner() throws Exception {
        Api onA = new Api(Integer.parseInt(replicaA.getEnvironment().getProperty("local.server.port")));
        Session alice = onA.register();
        Session bob = onA.register();
        try (SseClient alicesOnB = SseClient.open(base(replicaB), alice.accessToken(), null);
             SseClient bobsOnB = SseClient.open(base(replicaB), bob.accessToken(), null)) {
            assertThat(alicesOnB.status()).isEqualTo(200);
            long sent = System.nanoTime();
            onA.post("/api/v1/tasks", Map.of("title", "Made on A"), alice.accessToken());

            Frame event = alicesOnB.nextEvent(Duration.ofSeconds(5));
            long millis = Duration.ofNanos(System.nanoTime() - sent).toMillis();

            assertThat(event).isNotNull();
            assertThat(event.json().get("data").get("title").stringValue()).isEqualTo("Made on A");
            System.out.printf("replica A -> stream on replica B: %d ms%n", millis);
            assertThat(millis).as("within a second").isLessThan(1000);
            assertThat(bobsOnB.nextEvent(Duration.ofMillis(500))).isNull();
        }
    }
}
