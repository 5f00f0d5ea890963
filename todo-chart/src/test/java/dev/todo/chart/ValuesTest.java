package dev.todo.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad values stop `helm install` with one clear sentence before anything reaches the cluster: wrong types, unknown
 * keys and roles by the schema; what a schema cannot say (no database at all, a URL that is not PostgreSQL, a key
 * that decodes too short, SASL without its username, password or a SASL protocol) by the chart's own `fail`, which
 * also holds when schema validation is skipped.
 */
class ValuesTest {

    private static final String KEY_OF_30_BYTES = Base64.getEncoder().encodeToString(new byte[30]);
    private static final String KEY_OF_32_BYTES = Base64.getEncoder().encodeToString(new byte[32]);

    static Stream<Arguments> refusedBySchema() {
        return Stream.of(
                Arguments.of("an unknown backend role", Map.of("backend.role", "worker"),
                        "at '/backend/role': value must be one of 'api', 'assistant'"),
                Arguments.of("an unknown assistant role", Map.of("aiService.role", "chat"),
                        "at '/aiService/role': value must be one of 'api', 'assistant'"),
                Arguments.of("a JWT key shorter than 32 bytes", Map.of("secrets.jwtSecret", KEY_OF_30_BYTES),
                        "at '/secrets/jwtSecret': minLength: got 40, want 44"),
                Arguments.of("a JWT key that is not base64", Map.of("secrets.jwtSecret", "not base64 at all, but long enough to pass the length check"),
                        "at '/secrets/jwtSecret': 'not base64 at all"),
                Arguments.of("a misspelt key", Map.of("backend.replicaz", 3),
                        "at '/backend': additional properties 'replicaz' not allowed"),
                Arguments.of("a memory limit that is no quantity", Map.of("backend.resources.limits.memory", "lots"),
                        "at '/backend/resources/limits/memory'"),
                Arguments.of("a Service type that does not exist", Map.of("frontend.service.type", "Balancer"),
                        "at '/frontend/service/type': value must be one of 'ClusterIP', 'NodePort', 'LoadBalancer'"),
                Arguments.of("a replica count that is a word", Map.of("backend.replicaCount", "two"),
                        "at '/backend/replicaCount': got string, want integer"),
                Arguments.of("a topic replication that is a word", Map.of("events.kafka.topicReplication", "three"),
                        "at '/events/kafka/topicReplication': got string, want integer"),
                Arguments.of("no topic partitions", Map.of("events.kafka.topicPartitions", 0),
                        "at '/events/kafka/topicPartitions': minimum"),
                Arguments.of("a broker without its port", Map.of("events.kafka.brokers", "kafka.example.com"),
                        "at '/events/kafka/brokers'"),
                Arguments.of("a SASL mechanism Kafka clients here cannot use", Map.of("events.kafka.saslMechanism", "GSSAPI"),
                        "at '/events/kafka/saslMechanism': value must be one of '', 'PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'"),
                Arguments.of("a security protocol that does not exist", Map.of("events.kafka.securityProtocol", "TLS"),
                        "at '/events/kafka/securityProtocol': value must be one of"),
                Arguments.of("a misspelt Kafka key", Map.of("events.kafka.broker", "kafka:9092"),
                        "at '/events/kafka': additional properties 'broker' not allowed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedBySchema")
    void theSchemaRefuses(String what, Map<String, Object> values, String message) {
        assertThatThrownBy(() -> Chart.render(Variant.DEFAULT, values))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining(message);
    }

    static Stream<Arguments> refusedByTheChart() {
        return Stream.of(
                Arguments.of("no database settings", Map.of("database.enabled", false),
                        "No database: set externalDatabase.url (jdbc:postgresql://host:5432/db), or secrets.existingSecret"),
                Arguments.of("a MySQL URL", Map.of("externalDatabase.url", "mysql://todo:secret-password@db.example.com/todo"),
                        "externalDatabase.url must be a PostgreSQL URL, jdbc:postgresql://host:5432/db or postgresql://user:pass@host/db (got one starting with 'mysql://')"),
                Arguments.of("a JDBC URL of another database", Map.of("externalDatabase.url", "jdbc:mysql://db.example.com/todo"),
                        "externalDatabase.url must be a PostgreSQL URL"),
                Arguments.of("a URL without a host", Map.of("externalDatabase.url", "jdbc:postgresql:///todo"),
                        "externalDatabase.url must be a PostgreSQL URL"),
                Arguments.of("a SASL mechanism without a username", Map.of("events.kafka.brokers", "kafka:9092",
                        "events.kafka.securityProtocol", "SASL_SSL", "events.kafka.saslMechanism", "PLAIN",
                        "events.kafka.saslPassword", "secret-password"),
                        "events.kafka.saslMechanism needs events.kafka.saslUsername"),
                Arguments.of("a SASL mechanism over plain TLS", Map.of("events.kafka.brokers", "kafka:9092",
                        "events.kafka.securityProtocol", "SSL", "events.kafka.saslMechanism", "PLAIN",
                        "events.kafka.saslUsername", "todo", "events.kafka.saslPassword", "secret-password"),
                        "events.kafka.saslMechanism needs events.kafka.securityProtocol SASL_SSL or SASL_PLAINTEXT (got 'SSL')"),
                Arguments.of("a SASL protocol without a mechanism", Map.of("events.kafka.brokers", "kafka:9092",
                        "events.kafka.securityProtocol", "SASL_SSL", "events.kafka.saslUsername", "todo"),
                        "events.kafka.securityProtocol SASL_SSL needs events.kafka.saslMechanism (PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512)"),
                Arguments.of("a SASL mechanism without a password", Map.of("events.kafka.brokers", "kafka:9092",
                        "events.kafka.securityProtocol", "SASL_SSL", "events.kafka.saslMechanism", "SCRAM-SHA-512",
                        "events.kafka.saslUsername", "todo"),
                        "events.kafka.saslMechanism needs events.kafka.saslPassword (or KAFKA_SASL_PASSWORD in secrets.existingSecret)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedByTheChart")
    void theChartRefuses(String what, Map<String, Object> values, String message) {
        assertThatThrownBy(() -> Chart.render(Variant.DEFAULT, values)).hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).as("no password in the message").doesNotContain("secret-password"));
    }

    static Stream<Arguments> refusedWithoutTheSchema() {
        return Stream.of(
                Arguments.of("an unknown backend role", Map.of("backend.role", "worker"),
                        "backend.role must be api or assistant (got 'worker')"),
                Arguments.of("an unknown assistant role", Map.of("aiService.role", "chat"),
                        "aiService.role must be api or assistant (got 'chat')"),
                Arguments.of("a JWT key shorter than 32 bytes", Map.of("secrets.jwtSecret", KEY_OF_30_BYTES),
                        "secrets.jwtSecret is too short: it must be base64 of at least 32 bytes (44 characters or more), it has 40 characters"),
                Arguments.of("a JWT key that is not base64", Map.of("secrets.jwtSecret", "this-is-not-base64-but-it-is-long-enough-anyway!"),
                        "secrets.jwtSecret must be base64 (make one with: openssl rand -base64 48)"),
                Arguments.of("a broker without its port", Map.of("events.kafka.brokers", "kafka-0.example.com:9092,kafka-1.example.com"),
                        "events.kafka.brokers must be host:port, comma-separated (my-kafka:9092,other:9092); 'kafka-1.example.com' is not"),
                Arguments.of("a broker given as a URL", Map.of("events.kafka.brokers", "kafka://kafka.example.com:9092"),
                        "events.kafka.brokers must be host:port"),
                Arguments.of("an unknown SASL mechanism", Map.of("events.kafka.saslMechanism", "GSSAPI"),
                        "events.kafka.saslMechanism must be PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512 (got 'GSSAPI')"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedWithoutTheSchema")
    void theChartRefusesEvenWhenTheSchemaIsSkipped(String what, Map<String, Object> values, String message) {
        assertThatThrownBy(() -> Chart.renderWithoutSchema(values)).hasMessageContaining(message);
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("a JDBC URL", Map.of("externalDatabase.url", "jdbc:postgresql://db.example.com:5432/todo")),
                Arguments.of("Neon's libpq URL", Map.of("externalDatabase.url", "postgresql://todo:pw@ep-x.eu-central-1.aws.neon.tech/todo?sslmode=require")),
                Arguments.of("a postgres:// URL", Map.of("externalDatabase.url", "postgres://todo:pw@db/todo")),
                Arguments.of("a JWT key of exactly 32 bytes", Map.of("secrets.jwtSecret", KEY_OF_32_BYTES)),
                Arguments.of("the assistant role on the backend", Map.of("backend.role", "assistant")),
                Arguments.of("an existing secret with the database off", Map.of("database.enabled", false, "secrets.existingSecret", "mine")),
                Arguments.of("a managed Kafka with SASL", ConfigurationTest.MANAGED_KAFKA),
                Arguments.of("a plain Kafka inside the cluster", Map.of("events.kafka.brokers", "my-cluster-kafka-bootstrap.kafka.svc:9092")),
                Arguments.of("SASL with the password in an existing secret", Map.of("secrets.existingSecret", "mine",
                        "events.kafka.brokers", "kafka:9092", "events.kafka.securityProtocol", "SASL_PLAINTEXT",
                        "events.kafka.saslMechanism", "PLAIN", "events.kafka.saslUsername", "todo")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void goodValuesRender(String what, Map<String, Object> values) {
        assertThat(Chart.render(Variant.DEFAULT, values).objects()).isNotEmpty();
    }
}
