package dev.todo.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.todo.server.Api.Response;

@ApiTest
class HealthAndMetricsTest {

    private final Api api;
    private final JdbcClient db;

    HealthAndMetricsTest(@LocalServerPort int port, JdbcClient db) {
        this.api = new Api(port);
        this.db = db;
    }

    @Test
    void livenessAndReadinessAreOpen() {
        Response health = api.get("/health", null);
        Response ready = api.get("/ready", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").stringValue()).isEqualTo("UP");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").stringValue()).isEqualTo("UP");
    }

    @Test
    void theSchemaIsMigratedFromAnEmptyDatabase() {
        List<String> applied = db.sql("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                .query(String.class).list();
        List<String> tables = db.sql("""
                SELECT table_name FROM information_schema.tables WHERE table_schema = 'todo' ORDER BY table_name""")
                .query(String.class).list();

        assertThat(applied).startsWith("1");
        assertThat(tables).contains("users", "refresh_tokens", "tasks", "account_tokens");
        assertThat(db.sql("SELECT indexname FROM pg_indexes WHERE tablename = 'tasks'").query(String.class).list())
                .contains("tasks_user_position", "tasks_user_due_open", "tasks_tags");
    }

    @Test
    void prometheusMetricsIncludeLatencyHistograms() {
        api.get("/health", null);

        Response metrics = api.get("/actuator/prometheus", null);

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("http_server_requests_seconds_bucket");
    }

    @Test
    void responsesCarrySecurityHeaders() {
        Response response = api.get("/health", null);

        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void anUnknownPathNeedsAuthenticationBeforeRevealingItDoesNotExist() {
        assertThat(api.get("/api/v1/nothing-here", null).status()).isEqualTo(401);
    }
}
