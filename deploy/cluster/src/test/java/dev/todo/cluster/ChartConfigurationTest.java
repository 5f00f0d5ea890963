package dev.todo.cluster;

import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChartConfigurationTest {

    private static final Path CHART = Path.of(System.getProperty("todo.chart"));

    @Test
    void readsTheBackendsSettingsFromTheChartAsHelmRendersIt() throws Exception {
        ChartConfiguration chart = ChartConfiguration.render(CHART);

        assertThat(chart.configMap()).containsKeys(ReplicaSettings.CONFIG_KEYS.stream()
                .filter(key -> !key.equals("TODO_ASSISTANT_MCP_URL")).toArray(String[]::new));
        assertThat(chart.configMap()).containsEntry("TODO_ROLE", "api");
        assertThat(chart.secret()).containsKeys(ReplicaSettings.SECRET_KEYS.toArray(String[]::new));
        assertThat(chart.secret()).containsEntry("DATABASE_URL", "jdbc:postgresql://todo-db:5432/todo");
        // Decoded from the Secret's base64: the key itself, which the server wants as base64 of >= 32 bytes.
        assertThat(Base64.getDecoder().decode(chart.secret().get("TODO_JWT_SECRET"))).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void decodesDataAndTakesStringDataAsItIs() {
        ChartConfiguration chart = ChartConfiguration.fromManifests("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: todo-config}
                data: {TODO_ROLE: api}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: todo-secrets}
                data: {DATABASE_PASSWORD: czNjcmV0}
                stringData: {OPENAI_API_KEY: sk-test}
                """);

        assertThat(chart.configMap()).containsExactlyEntriesOf(java.util.Map.of("TODO_ROLE", "api"));
        assertThat(chart.secret()).containsEntry("DATABASE_PASSWORD", "s3cret").containsEntry("OPENAI_API_KEY", "sk-test");
    }

    @Test
    void aRenderingWithoutTheConfigMapOrTheSecretIsRefusedWithTheirNames() {
        assertThatThrownBy(() -> ChartConfiguration.fromManifests("kind: ConfigMap\nmetadata: {name: other}\n"))
                .hasMessage("The chart rendered no ConfigMap todo-config and Secret todo-secrets");
        assertThatThrownBy(() -> ChartConfiguration.render(Path.of("/nonexistent")))
                .hasMessage("No Helm chart at /nonexistent");
    }
}
