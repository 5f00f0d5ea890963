package dev.todo.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import dev.todo.chart.Rendered.PodTemplate;

/** What the pods are told: the ConfigMap, the Secret, and the environment of each container (ARCHITECTURE.md's contract). */
class ConfigurationTest {

    static final List<String> CONFIG_KEYS = List.of("TODO_ROLE", "TODO_PUBLIC_URL", "TODO_TRUSTED_PROXIES",
            "TODO_CORS_ALLOWED_ORIGINS", "TODO_AI_BASE_URL", "TODO_AI_MODEL", "JAVA_TOOL_OPTIONS", "KAFKA_BROKERS",
            "KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM", "KAFKA_SASL_USERNAME", "KAFKA_TOPIC_PARTITIONS",
            "KAFKA_TOPIC_REPLICATION", "KAFKA_TIMEOUT");
    static final List<String> SECRET_KEYS = List.of("DATABASE_URL", "DATABASE_USERNAME", "DATABASE_PASSWORD",
            "TODO_JWT_SECRET", "OPENAI_API_KEY", "KAFKA_SASL_PASSWORD");
    /** Secret keys only some installs need: a Secret of your own may leave them out. */
    static final List<String> OPTIONAL_SECRET_KEYS = List.of("OPENAI_API_KEY", "KAFKA_SASL_PASSWORD");
    /** A Kafka cluster with SASL over TLS, as a managed one (Redpanda Cloud, Confluent Cloud) is reached. */
    static final Map<String, Object> MANAGED_KAFKA = Map.of(
            "events.kafka.brokers", "b-1.kafka.example.com:9092, b-2.kafka.example.com:9093",
            "events.kafka.securityProtocol", "SASL_SSL",
            "events.kafka.saslMechanism", "SCRAM-SHA-256",
            "events.kafka.saslUsername", "todo-app",
            "events.kafka.saslPassword", "kafka-secret-password");

    private static String decoded(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    private static Container container(Rendered rendered, String workload) {
        return rendered.podTemplate(workload).spec().getContainers().getFirst();
    }

    private static Map<String, EnvVar> env(Container container) {
        return container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
    }

    /** The environment variables the server reads: the ${NAME:...} placeholders of its application.properties. */
    private static Set<String> namesTheServerReads() throws IOException {
        Path properties = Chart.DIRECTORY.resolve("../../todo-server/src/main/resources/application.properties");
        Matcher matcher = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):").matcher(Files.readString(properties));
        Set<String> names = new HashSet<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    @Test
    void theConfigMapHasEveryKeyOfTheContract() {
        Map<String, String> data = Chart.rendered(Variant.DEFAULT).configMap("todo-config").getData();

        assertThat(data).containsKeys(CONFIG_KEYS.toArray(String[]::new));
        assertThat(data).containsEntry("TODO_ROLE", "api")
                .containsEntry("TODO_TRUSTED_PROXIES", "10.244.0.0/16")
                .containsEntry("TODO_PUBLIC_URL", "http://todo.local")
                .containsEntry("TODO_AI_MODEL", "gpt-4o-mini")
                .containsEntry("TODO_HOME", "/tmp/todo");
        assertThat(data.get("JAVA_TOOL_OPTIONS")).contains("-XX:+ExitOnOutOfMemoryError");
        // No brokers: the server keeps events in-process, with the server's own defaults for the topics.
        assertThat(data).containsEntry("KAFKA_BROKERS", "")
                .containsEntry("KAFKA_SECURITY_PROTOCOL", "")
                .containsEntry("KAFKA_SASL_MECHANISM", "")
                .containsEntry("KAFKA_TOPIC_PARTITIONS", "3")
                .containsEntry("KAFKA_TOPIC_REPLICATION", "1")
                .containsEntry("KAFKA_TIMEOUT", "10s");
    }

    @Test
    void aManagedKafkasSettingsGoIntoTheConfigMapAndItsPasswordOnlyIntoTheSecret() {
        Rendered rendered = Chart.render(Variant.DEFAULT, MANAGED_KAFKA);
        Map<String, String> data = rendered.configMap("todo-config").getData();

        assertThat(data).containsEntry("KAFKA_BROKERS", "b-1.kafka.example.com:9092,b-2.kafka.example.com:9093")
                .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-256")
                .containsEntry("KAFKA_SASL_USERNAME", "todo-app")
                .doesNotContainKey("KAFKA_SASL_PASSWORD");
        assertThat(data.values()).noneMatch(value -> value.contains("kafka-secret-password"));
        assertThat(decoded(rendered.secret("todo-secrets"), "KAFKA_SASL_PASSWORD")).isEqualTo("kafka-secret-password");
        assertThat(rendered.manifests()).as("the password appears nowhere in plain text").doesNotContain("kafka-secret-password");
        for (String workload : List.of("todo-backend", "todo-ai")) {
            EnvVar password = env(container(rendered, workload)).get("KAFKA_SASL_PASSWORD");
            assertThat(password.getValueFrom().getSecretKeyRef().getName()).as(workload).isEqualTo("todo-secrets");
            assertThat(password.getValueFrom().getSecretKeyRef().getKey()).as(workload).isEqualTo("KAFKA_SASL_PASSWORD");
        }
    }

    @Test
    void withoutKafkaTheChartsSecretHoldsAnEmptyKafkaPassword() {
        assertThat(decoded(Chart.rendered(Variant.DEFAULT).secret("todo-secrets"), "KAFKA_SASL_PASSWORD")).isEmpty();
    }

    @Test
    void productionReplicatesTheEventTopicsThreeTimes() {
        Map<String, String> data = Chart.rendered(Variant.PROD).configMap("todo-config").getData();

        assertThat(data).containsEntry("KAFKA_TOPIC_REPLICATION", "3").containsEntry("KAFKA_TOPIC_PARTITIONS", "3");
    }

    @Test
    void aChangedKafkaPasswordRollsThePodsAndChangedBrokersChangeTheConfigChecksum() {
        String key = Base64.getEncoder().encodeToString(new byte[48]);
        Map<String, Object> base = new HashMap<>(MANAGED_KAFKA);
        base.put("secrets.jwtSecret", key);
        Map<String, Object> otherPassword = new HashMap<>(base);
        otherPassword.put("events.kafka.saslPassword", "another-password");
        Map<String, Object> otherBrokers = new HashMap<>(base);
        otherBrokers.put("events.kafka.brokers", "b-3.kafka.example.com:9092");
        Map<String, String> before = Chart.render(Variant.EXTERNAL_DATABASE, base).podTemplate("todo-backend").metadata().getAnnotations();
        Map<String, String> password = Chart.render(Variant.EXTERNAL_DATABASE, otherPassword).podTemplate("todo-backend").metadata().getAnnotations();
        Map<String, String> brokers = Chart.render(Variant.EXTERNAL_DATABASE, otherBrokers).podTemplate("todo-backend").metadata().getAnnotations();

        assertThat(password.get("checksum/secret")).isNotEqualTo(before.get("checksum/secret"));
        assertThat(password.get("checksum/config")).isEqualTo(before.get("checksum/config"));
        assertThat(brokers.get("checksum/config")).isNotEqualTo(before.get("checksum/config"));
    }

    @Test
    void everyVariableThePodsGetIsOneTheServerReads() throws IOException {
        Rendered rendered = Chart.rendered(Variant.DEFAULT);
        Set<String> serverNames = namesTheServerReads();

        Set<String> given = new HashSet<>(rendered.configMap("todo-config").getData().keySet());
        given.addAll(rendered.secret("todo-secrets").getData().keySet());
        given.addAll(env(container(rendered, "todo-ai")).keySet());
        given.remove("JAVA_TOOL_OPTIONS"); // read by the JVM itself

        assertThat(serverNames).as("names in application.properties").containsAll(given);
    }

    @Test
    void theSecretHasEveryKeyOfTheContractAndNoSecretIsInTheConfigMap() {
        Rendered rendered = Chart.rendered(Variant.DEFAULT);

        assertThat(rendered.secret("todo-secrets").getData()).containsOnlyKeys(SECRET_KEYS);
        assertThat(rendered.configMap("todo-config").getData()).doesNotContainKeys(SECRET_KEYS.toArray(String[]::new));
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void theServerContainersReadTheConfigMapAndEachSecretKeyFromTheSecret(Variant variant) {
        Rendered rendered = Chart.rendered(variant);
        String secretName = variant == Variant.EXISTING_SECRET ? "todo-external"
                : variant == Variant.PROD ? "todo-prod-secrets" : variant.name("todo-secrets");
        for (PodTemplate pod : rendered.podTemplates()) {
            String component = pod.metadata().getLabels().get("app.kubernetes.io/component");
            if (!List.of("backend", "ai").contains(component)) {
                continue;
            }
            Container container = pod.spec().getContainers().getFirst();
            assertThat(container.getEnvFrom()).singleElement()
                    .satisfies(from -> assertThat(from.getConfigMapRef().getName()).isEqualTo(variant.name("todo-config")));
            rendered.configMap(variant.name("todo-config"));
            Map<String, EnvVar> env = env(container);
            for (String key : SECRET_KEYS) {
                EnvVar variable = env.get(key);
                assertThat(variable).as(key + " in " + pod.name()).isNotNull();
                assertThat(variable.getValue()).as(key + " has no literal value").isNull();
                assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isEqualTo(secretName);
                assertThat(variable.getValueFrom().getSecretKeyRef().getKey()).isEqualTo(key);
                assertThat(variable.getValueFrom().getSecretKeyRef().getOptional()).as(key + " optional")
                        .isEqualTo(OPTIONAL_SECRET_KEYS.contains(key) ? Boolean.TRUE : null);
            }
            rendered.find(Secret.class, secretName)
                    .ifPresent(secret -> assertThat(secret.getData()).containsKeys(SECRET_KEYS.toArray(String[]::new)));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"DEFAULT", "PROD", "OTHER_RELEASE_NAME"})
    void theAssistantRunsTheAssistantRoleAndCallsTheBackendsMcpEndpointThroughItsService(Variant variant) {
        Rendered rendered = Chart.rendered(variant);
        Map<String, EnvVar> env = env(container(rendered, variant.name("todo-ai")));

        assertThat(env.get("TODO_ROLE").getValue()).isEqualTo("assistant");
        String backendService = variant.name("todo-backend-svc");
        assertThat(env.get("TODO_ASSISTANT_MCP_URL").getValue()).isEqualTo("http://" + backendService + ":8080/mcp");
        assertThat(rendered.service(backendService).getSpec().getPorts().getFirst().getPort()).isEqualTo(8080);
        assertThat(env(container(rendered, variant.name("todo-backend")))).doesNotContainKeys("TODO_ROLE", "TODO_ASSISTANT_MCP_URL");
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"DEFAULT", "OTHER_RELEASE_NAME"})
    void theFrontendProxiesToTheBackendsService(Variant variant) {
        Rendered rendered = Chart.rendered(variant);
        Map<String, EnvVar> env = env(container(rendered, variant.name("todo-frontend")));

        assertThat(env.get("TODO_BACKEND_URL").getValue()).isEqualTo("http://" + variant.name("todo-backend-svc") + ":8080");
        assertThat(container(rendered, variant.name("todo-frontend")).getEnvFrom()).isNullOrEmpty();
    }

    @Test
    void theChartsDatabaseIsReachedByItsServiceWithTheGeneratedPassword() {
        Rendered rendered = Chart.rendered(Variant.DEFAULT);
        Secret secret = rendered.secret("todo-secrets");

        assertThat(decoded(secret, "DATABASE_URL")).isEqualTo("jdbc:postgresql://todo-db:5432/todo");
        assertThat(decoded(secret, "DATABASE_USERNAME")).isEqualTo("todo");
        assertThat(decoded(secret, "DATABASE_PASSWORD")).hasSizeGreaterThanOrEqualTo(32).matches("[A-Za-z0-9]+");
        Map<String, EnvVar> db = env(container(rendered, "todo-db"));
        assertThat(db.get("POSTGRES_PASSWORD").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("DATABASE_PASSWORD");
        assertThat(db.get("POSTGRES_PASSWORD").getValueFrom().getSecretKeyRef().getName()).isEqualTo("todo-secrets");
        assertThat(db.get("POSTGRES_USER").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("DATABASE_USERNAME");
        assertThat(db.get("POSTGRES_DB").getValue()).isEqualTo("todo");
    }

    @Test
    void anExternalDatabasesUrlAndCredentialsGoIntoTheSecret() {
        Secret secret = Chart.rendered(Variant.EXTERNAL_DATABASE).secret("todo-secrets");

        assertThat(decoded(secret, "DATABASE_URL")).isEqualTo("jdbc:postgresql://db.example.com:5432/todo?sslmode=require");
        assertThat(decoded(secret, "DATABASE_USERNAME")).isEqualTo("todo_app");
        assertThat(decoded(secret, "DATABASE_PASSWORD")).isEqualTo("not-a-real-password");
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"EXISTING_SECRET", "PROD"})
    void withAnExistingSecretTheChartCreatesNone(Variant variant) {
        assertThat(Chart.rendered(variant).all(Secret.class)).isEmpty();
    }

    @Test
    void aGeneratedJwtKeyIsBase64OfAtLeast32RandomBytesAndDiffersPerInstall() {
        String first = decoded(Chart.render(Variant.DEFAULT, Map.of()).secret("todo-secrets"), "TODO_JWT_SECRET");
        String second = decoded(Chart.render(Variant.DEFAULT, Map.of()).secret("todo-secrets"), "TODO_JWT_SECRET");

        assertThat(Base64.getDecoder().decode(first)).hasSizeGreaterThanOrEqualTo(32);
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aGivenJwtKeyAndModelKeyAreUsedAsGiven() {
        String key = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef!".getBytes(StandardCharsets.UTF_8));
        Secret secret = Chart.render(Variant.DEFAULT, Map.of("secrets.jwtSecret", key, "secrets.openaiApiKey", "sk-test"))
                .secret("todo-secrets");

        assertThat(decoded(secret, "TODO_JWT_SECRET")).isEqualTo(key);
        assertThat(decoded(secret, "OPENAI_API_KEY")).isEqualTo("sk-test");
    }

    @Test
    void valuesYamlHasNoSecretValues() throws IOException {
        JsonNode values = YAMLMapper.builder().build().readTree(Chart.file("values.yaml").toFile());

        assertThat(values.at("/secrets/jwtSecret").asString()).isEmpty();
        assertThat(values.at("/secrets/openaiApiKey").asString()).isEmpty();
        assertThat(values.at("/externalDatabase/password").asString()).isEmpty();
        assertThat(values.at("/events/kafka/saslPassword").asString()).isEmpty();
        assertThat(values.at("/database").has("password")).isFalse();
        for (String file : List.of("values-dev.yaml", "values-prod.yaml")) {
            assertThat(Files.readString(Chart.file(file))).as(file).doesNotContainPattern("(?m)^\\s*(jwtSecret|password|openaiApiKey|saslPassword):\\s*\\S");
        }
    }

    @Test
    void aChangedConfigurationOrSecretChangesThePodsChecksumsSoTheyRoll() {
        String key = Base64.getEncoder().encodeToString(new byte[48]);
        Rendered before = Chart.render(Variant.EXTERNAL_DATABASE, Map.of("secrets.jwtSecret", key));
        Rendered same = Chart.render(Variant.EXTERNAL_DATABASE, Map.of("secrets.jwtSecret", key));
        Rendered newUrl = Chart.render(Variant.EXTERNAL_DATABASE, Map.of("secrets.jwtSecret", key, "publicUrl", "https://todo.example.org"));
        Rendered newKey = Chart.render(Variant.EXTERNAL_DATABASE, Map.of("secrets.jwtSecret", key.replace('A', 'B')));

        for (String workload : List.of("todo-backend", "todo-ai")) {
            Map<String, String> a = before.podTemplate(workload).metadata().getAnnotations();
            assertThat(same.podTemplate(workload).metadata().getAnnotations()).as("same values, same checksums").isEqualTo(a);
            Map<String, String> url = newUrl.podTemplate(workload).metadata().getAnnotations();
            assertThat(url.get("checksum/config")).isNotEqualTo(a.get("checksum/config"));
            assertThat(url.get("checksum/secret")).isEqualTo(a.get("checksum/secret"));
            Map<String, String> jwt = newKey.podTemplate(workload).metadata().getAnnotations();
            assertThat(jwt.get("checksum/secret")).isNotEqualTo(a.get("checksum/secret"));
            assertThat(jwt.get("checksum/config")).isEqualTo(a.get("checksum/config"));
        }
    }

    @Test
    void withAnExistingSecretAnUpgradeWithTheSameValuesDoesNotRollThePods() {
        Map<String, String> first = Chart.render(Variant.PROD, Map.of()).podTemplate("todo-backend").metadata().getAnnotations();
        Map<String, String> second = Chart.render(Variant.PROD, Map.of()).podTemplate("todo-backend").metadata().getAnnotations();
        Map<String, String> otherSecret = Chart.render(Variant.PROD, Map.of("secrets.existingSecret", "todo-prod-secrets-2"))
                .podTemplate("todo-backend").metadata().getAnnotations();

        assertThat(second).isEqualTo(first);
        assertThat(otherSecret.get("checksum/secret")).isNotEqualTo(first.get("checksum/secret"));
    }

    @Test
    void generatedSecretsAreGeneratedOncePerRenderSoEveryPodSeesTheSameChecksum() {
        Rendered rendered = Chart.render(Variant.DEFAULT, Map.of());

        assertThat(List.of("todo-backend", "todo-ai", "todo-db").stream()
                .map(w -> rendered.podTemplate(w).metadata().getAnnotations().get("checksum/secret")).distinct()).hasSize(1);
    }

    @Test
    void theTrustedProxiesCanBeSetForTheClustersPodNetwork() {
        Rendered rendered = Chart.render(Variant.DEFAULT, Map.of("trustedProxies", "10.0.0.0/8,fd00::/8"));

        assertThat(rendered.configMap("todo-config").getData()).containsEntry("TODO_TRUSTED_PROXIES", "10.0.0.0/8,fd00::/8");
    }
}
