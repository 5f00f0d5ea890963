package dev.todo.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Secret;
import org.junit.jupiter.api.Test;

/**
 * `helm upgrade` keeps what `helm install` generated: the chart reads its Secret back with `lookup` (from a
 * loopback stand-in for the API server), so tokens stay valid and the database keeps its password.
 */
class UpgradeTest {

    private static final Map<String, Object> FROM_CLUSTER = Map.of("secrets.reuseFromCluster", true);

    @Test
    void anUpgradeKeepsTheGeneratedJwtKeyAndDatabasePasswordAndDoesNotRollThePods() {
        try (FakeCluster cluster = new FakeCluster()) {
            Rendered install = Chart.render(Variant.DEFAULT, FROM_CLUSTER);
            assertThat(cluster.requests).as("the install looked for an earlier Secret")
                    .contains("GET /api/v1/namespaces/todo/secrets/todo-secrets");
            Secret installed = install.secret("todo-secrets");
            cluster.store("todo", installed);

            Rendered upgrade = Chart.render(Variant.DEFAULT, FROM_CLUSTER);

            Secret upgraded = upgrade.secret("todo-secrets");
            assertThat(upgraded.getData().get("TODO_JWT_SECRET")).isEqualTo(installed.getData().get("TODO_JWT_SECRET"));
            assertThat(upgraded.getData().get("DATABASE_PASSWORD")).isEqualTo(installed.getData().get("DATABASE_PASSWORD"));
            assertThat(upgrade.podTemplate("todo-backend").metadata().getAnnotations().get("checksum/secret"))
                    .as("an unchanged Secret does not roll the pods")
                    .isEqualTo(install.podTemplate("todo-backend").metadata().getAnnotations().get("checksum/secret"));
        }
    }

    @Test
    void aKeyGivenAtUpgradeReplacesTheGeneratedOne() {
        try (FakeCluster cluster = new FakeCluster()) {
            Secret installed = Chart.render(Variant.DEFAULT, FROM_CLUSTER).secret("todo-secrets");
            cluster.store("todo", installed);
            String given = Base64.getEncoder().encodeToString(new byte[40]);

            Secret upgraded = Chart.render(Variant.DEFAULT, Map.of("secrets.reuseFromCluster", true, "secrets.jwtSecret", given))
                    .secret("todo-secrets");

            assertThat(upgraded.getData().get("TODO_JWT_SECRET"))
                    .isEqualTo(Base64.getEncoder().encodeToString(given.getBytes(StandardCharsets.UTF_8)));
            assertThat(upgraded.getData().get("DATABASE_PASSWORD")).isEqualTo(installed.getData().get("DATABASE_PASSWORD"));
        }
    }

    @Test
    void withoutReuseEveryRenderGeneratesAFreshKey() {
        try (FakeCluster cluster = new FakeCluster()) {
            Secret installed = Chart.render(Variant.DEFAULT, FROM_CLUSTER).secret("todo-secrets");
            cluster.store("todo", installed);

            int requestsBefore = cluster.requests.size();

            Secret rendered = Chart.render(Variant.DEFAULT, Map.of()).secret("todo-secrets");

            assertThat(rendered.getData().get("TODO_JWT_SECRET")).isNotEqualTo(installed.getData().get("TODO_JWT_SECRET"));
            assertThat(cluster.requests).as("reuseFromCluster=false asks no cluster").hasSize(requestsBefore);
        }
    }
}
