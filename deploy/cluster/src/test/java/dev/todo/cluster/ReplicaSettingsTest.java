package dev.todo.cluster;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicaSettingsTest {

    private static final Database.Location DATABASE =
            new Database.Location("jdbc:postgresql://127.0.0.1:5555/todo", "todo", "s3cret");

    @Test
    void keepsTheChartsSettingsAndPointsTheReplicaAtThisMachinesDatabaseAndProxy() {
        ReplicaSettings settings = ReplicaSettings.fromChart(
                Map.of("TODO_ROLE", "api", "TODO_TRUSTED_PROXIES", "10.0.0.0/8", "TODO_AI_MODEL", "gpt-4o-mini",
                        "JAVA_TOOL_OPTIONS", "-XX:+ExitOnOutOfMemoryError", "TODO_HOME", "/tmp/todo"),
                Map.of("DATABASE_URL", "jdbc:postgresql://todo-db:5432/todo", "DATABASE_USERNAME", "todo",
                        "DATABASE_PASSWORD", "from-the-chart", "TODO_JWT_SECRET", "c2VjcmV0", "OPENAI_API_KEY", ""),
                DATABASE, "http://127.0.0.1:9999");

        Map<String, String> environment = settings.environment(4321, Path.of("/tmp/replica"));

        assertThat(environment)
                .containsEntry("TODO_ROLE", "api")
                .containsEntry("TODO_AI_MODEL", "gpt-4o-mini")
                .containsEntry("TODO_JWT_SECRET", "c2VjcmV0")
                .containsEntry("OPENAI_API_KEY", "")
                .containsEntry("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5555/todo")
                .containsEntry("DATABASE_USERNAME", "todo")
                .containsEntry("DATABASE_PASSWORD", "s3cret")
                .containsEntry("TODO_TRUSTED_PROXIES", "127.0.0.1/32")
                .containsEntry("TODO_PUBLIC_URL", "http://127.0.0.1:9999")
                .containsEntry("PORT", "4321")
                .containsEntry("TODO_HOME", "/tmp/replica")
                .containsEntry("JAVA_TOOL_OPTIONS", "-XX:+ExitOnOutOfMemoryError");
    }

    @Test
    void withoutAChartEveryReplicaGetsTheSameGeneratedJwtKeyAndTheApiRole() {
        ReplicaSettings settings = ReplicaSettings.defaults(DATABASE, "http://127.0.0.1:9999");

        Map<String, String> first = settings.environment(1111, Path.of("/tmp/a"));
        Map<String, String> second = settings.environment(2222, Path.of("/tmp/b"));

        assertThat(first.get("TODO_JWT_SECRET")).hasSize(44).isEqualTo(second.get("TODO_JWT_SECRET"));
        assertThat(first).containsEntry("TODO_ROLE", "api");
    }

    @Test
    void thePrintoutHidesTheSecrets() {
        ReplicaSettings settings = ReplicaSettings.defaults(DATABASE, "http://127.0.0.1:9999");

        assertThat(settings.describe())
                .containsEntry("TODO_JWT_SECRET", "***")
                .containsEntry("DATABASE_PASSWORD", "***")
                .containsEntry("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5555/todo");
    }
}
