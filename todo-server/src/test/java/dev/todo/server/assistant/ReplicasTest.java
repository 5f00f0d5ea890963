package dev.todo.server.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.todo.server.Api;
import dev.todo.server.TodoServerApplication;

/**
 * Two servers on one database, as two replicas behind a load balancer: a conversation started on one
 * continues on the other, because everything it needs is in PostgreSQL, not in a server's memory.
 */
class ReplicasTest {

    private static final String SECRET = "gerJuqxm7JRLpxCf7asQ+LmngXtQsCPIb25ebVOa7DPIdEeWTun/ybAw9LVuPw3N";

    private static ConfigurableApplicationContext replica(String jdbcUrl, Path home) {
        String[] args = Stream.of("server.port=0", "todo.public-url=http://todo.test", "todo.home=" + home,
                        "todo.database.url=" + jdbcUrl, "todo.database.username=postgres",
                        "todo.security.jwt-secret=" + SECRET, "todo.rate-limit.address-per-minute=1000")
                .map(p -> "--" + p).toArray(String[]::new);
        return new SpringApplicationBuilder(TodoServerApplication.class).run(args);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    @Test
    void aConversationStartedOnOneReplicaContinuesOnAnother(@TempDir Path homeA, @TempDir Path homeB) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             ConfigurableApplicationContext a = replica(postgres.getJdbcUrl("postgres", "postgres"), homeA);
             ConfigurableApplicationContext b = replica(postgres.getJdbcUrl("postgres", "postgres"), homeB)) {
            Chat onA = new Chat(api(a), api(a).register());
            onA.addTask(Map.of("title", "Buy groceries"));
            onA.addTask(Map.of("title", "Call mom"));
            assertThat(onA.say("Mark it done")).startsWith("Which task? You have:");

            Chat onB = new Chat(api(b), onA.user);
            onB.conversationId = onA.conversationId;
            String reply = onB.say("The first one");

            assertThat(reply).isEqualTo("Great! I've marked 'Buy groceries' as done.");
            assertThat(onA.task("Buy groceries").get("status").stringValue()).isEqualTo("done");
            assertThat(api(a).get("/api/v1/conversations/" + onA.conversationId, onA.user.accessToken()).json()
                    .get("messages")).hasSize(4);
        }
    }
}
