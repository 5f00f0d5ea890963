package dev.todo.server.events;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How to reach Kafka, from {@code KAFKA_*} settings (see application.properties): brokers, and for managed
 * clusters (Redpanda Cloud, Confluent Cloud, Strimzi) the security protocol, SASL mechanism and credentials and
 * a trust store. No brokers: events stay in this process.
 */
@Component
class KafkaSettings {

    private final String brokers;
    private final String securityProtocol;
    private final String saslMechanism;
    private final String saslUsername;
    private final String saslPassword;
    private final String truststoreLocation;
    private final String truststorePassword;
    private final int partitions;
    private final short replication;
    private final Duration timeout;

    KafkaSettings(@Value("${todo.kafka.brokers:}") String brokers,
                  @Value("${todo.kafka.security-protocol:}") String securityProtocol,
                  @Value("${todo.kafka.sasl-mechanism:}") String saslMechanism,
                  @Value("${todo.kafka.sasl-username:}") String saslUsername,
                  @Value("${todo.kafka.sasl-password:}") String saslPassword,
                  @Value("${todo.kafka.truststore-location:}") String truststoreLocation,
                  @Value("${todo.kafka.truststore-password:}") String truststorePassword,
                  @Value("${todo.kafka.topic-partitions:3}") int partitions,
                  @Value("${todo.kafka.topic-replication:1}") short replication,
                  @Value("${todo.kafka.timeout:10s}") Duration timeout) {
        this.brokers = brokers.strip();
        this.securityProtocol = securityProtocol.strip();
        this.saslMechanism = saslMechanism.strip();
        this.saslUsername = saslUsername;
        this.saslPassword = saslPassword;
        this.truststoreLocation = truststoreLocation.strip();
        this.truststorePassword = truststorePassword;
        this.partitions = partitions;
        this.replication = replication;
        this.timeout = timeout;
        if (partitions < 1 || replication < 1) {
            throw new IllegalStateException("KAFKA_TOPIC_PARTITIONS and KAFKA_TOPIC_REPLICATION must be at least 1");
        }
    }

    boolean enabled() {
        return !brokers.isEmpty();
    }

    String brokers() {
        return brokers;
    }

    int partitions() {
        return partitions;
    }

    short replication() {
        return replication;
    }

    /** How long a send, a metadata lookup or an admin call may take before the relay gives up and retries later. */
    Duration timeout() {
        return timeout;
    }

    /** The connection settings every client (producer, consumer, admin) shares. */
    Map<String, Object> common(String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        if (!securityProtocol.isEmpty()) {
            config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol);
        }
        if (!saslMechanism.isEmpty()) {
            config.put(SaslConfigs.SASL_MECHANISM, saslMechanism);
            String module = saslMechanism.startsWith("SCRAM")
                    ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                    : "org.apache.kafka.common.security.plain.PlainLoginModule";
            config.put(SaslConfigs.SASL_JAAS_CONFIG, "%s required username=\"%s\" password=\"%s\";"
                    .formatted(module, jaasQuoted(saslUsername), jaasQuoted(saslPassword)));
        }
        if (!truststoreLocation.isEmpty()) {
            config.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, truststoreLocation);
            config.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, truststorePassword);
        }
        return config;
    }

    private static String jaasQuoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
