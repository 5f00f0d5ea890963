package dev.todo.server.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.todo.server.Api;
import dev.todo.server.StartupProblem;
import dev.todo.server.TodoServerApplication;

/**
 * The two roles of one image, as the chart runs them: an {@code api} replica and an {@code assistant} replica on
 * one database; the assistant answers chat only and works on tasks through the api replica's MCP endpoint.
 */
class RoleTest {

    private static final String SECRET = "gerJuqxm7JRLpxCf7asQ+LmngXtQsCPIb25ebVOa7DPIdEeWTun/ybAw9LVuPw3N";

    private static ConfigurableApplicationContext server(String jdbcUrl, Path home, String... extra) {
        String[] args = Stream.concat(Stream.of("server.port=0", "todo.public-url=http://todo.test", "todo.home=" + home,
                        "todo.database.url=" + jdbcUrl, "todo.database.username=postgres",
                        "todo.security.jwt-secret=" + SECRET, "todo.rate-limit.address-per-minute=1000"), Stream.of(extra))
                .map(p -> "--" + p).toArray(String[]::new);
        return new SpringApplicationBuilder(TodoServerApplication.class).run(args);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void theAssistantRoleServesOnlyChatAndReachesTasksThroughTheApiRolesMcp(@TempDir Path homeA, @TempDir Path homeB)
            throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             ConfigurableApplicationContext backend = server(postgres.getJdbcUrl("postgres", "postgres"), homeA);
             ConfigurableApplicationContext ai = server(postgres.getJdbcUrl("postgres", "postgres"), homeB,
                     "todo.role=assistant", "todo.assistant.mcp-url=http://127.0.0.1:" + port(backend) + "/mcp")) {
            Api api = new Api(port(backend));
            Api assistant = new Api(port(ai));
            Api.Session user = api.register();

            Api.Response answer = assistant.send("POST", "/api/v1/chat", Map.of("message", "add buy oat milk"),
                    user.accessToken(), Map.of("Accept", "application/json"));

            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.json().get("toolCalls").get(0).get("name").stringValue()).isEqualTo("create_task");
            assertThat(api.get("/api/v1/tasks", user.accessToken()).json().get("tasks").get(0).get("title").stringValue())
                    .isEqualToIgnoringCase("buy oat milk");
            String conversation = answer.json().get("conversationId").stringValue();
            assertThat(assistant.get("/api/v1/conversations/" + conversation, user.accessToken()).status()).isEqualTo(200);
            assertThat(assistant.get("/health", null).status()).isEqualTo(200);
            assertThat(assistant.get("/ready", null).status()).isEqualTo(200);
            assertThat(assistant.get("/actuator/prometheus", null).status()).isEqualTo(200);
            assertThat(assistant.post("/api/v1/chat", Map.of("message", "hi"), null).status()).isEqualTo(401);
            for (String path : new String[] {"/api/v1/tasks", "/mcp", "/api/v1/auth/me", "/login", "/", "/api/v1/chatty"}) {
                Api.Response refused = assistant.get(path, user.accessToken());
                assertThat(refused.status()).as(path).isEqualTo(404);
                assertThat(refused.json().get("detail").stringValue()).contains("assistant role");
            }
            assertThat(api.get("/api/v1/tasks", user.accessToken()).status()).isEqualTo(200);
            assertThat(api.get("/login", null).status()).isEqualTo(200);
        }
    }

    @Test
    void anUnknownRoleOrAnAssistantWithoutMcpStopsTheStartWithOneSentence(@TempDir Path home) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            assertThatThrownBy(() -> server(url, home, "todo.role=worker"))
                    .rootCause().isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Unknown server role 'worker' (TODO_ROLE): use api or assistant");
            assertThatThrownBy(() -> server(url, home, "todo.role=assistant"))
                    .hasRootCauseInstanceOf(StartupProblem.class)
                    .rootCause().hasMessageContaining("TODO_ASSISTANT_MCP_URL");
        }
    }

    @Test
    void roleNamesAreReadWithoutCaseAndBlankIsApi() {
        assertThat(ServerRole.parse(" Assistant ")).isEqualTo(ServerRole.ASSISTANT);
        assertThat(ServerRole.parse("")).isEqualTo(ServerRole.API);
        assertThat(ServerRole.parse(null)).isEqualTo(ServerRole.API);
        assertThat(ServerRole.ASSISTANT.serves("/api/v1/chat")).isTrue();
        assertThat(ServerRole.ASSISTANT.serves("/api/v1/conversations/42")).isTrue();
        assertThat(ServerRole.ASSISTANT.serves("/api/v1/chatty")).isFalse();
        assertThat(ServerRole.API.serves("/anything")).isTrue();
    }
}
