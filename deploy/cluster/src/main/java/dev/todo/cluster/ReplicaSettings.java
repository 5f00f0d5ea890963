package dev.todo.cluster;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment of every backend replica, in one place: the keys of the chart's ConfigMap {@code todo-config}
 * and Secret {@code todo-secrets} (phase IV contract), then what this machine changes because the replicas are
 * processes on loopback instead of pods: the database, the port, the data home (each pod has its own /tmp), and
 * the proxy to trust.
 */
final class ReplicaSettings {

    /** Keys of the ConfigMap {@code todo-config}. */
    static final List<String> CONFIG_KEYS = List.of("TODO_ROLE", "TODO_PUBLIC_URL", "TODO_TRUSTED_PROXIES",
            "TODO_CORS_ALLOWED_ORIGINS", "TODO_ASSISTANT_MCP_URL", "TODO_AI_BASE_URL", "TODO_AI_MODEL",
            "JAVA_TOOL_OPTIONS");
    /** Keys of the Secret {@code todo-secrets}. */
    static final List<String> SECRET_KEYS = List.of("DATABASE_URL", "DATABASE_USERNAME", "DATABASE_PASSWORD",
            "TODO_JWT_SECRET", "OPENAI_API_KEY");

    private final Map<String, String> values;

    private ReplicaSettings(Map<String, String> values) {
        this.values = values;
    }

    /**
     * The chart's ConfigMap and Secret data as they are, with the cluster's addresses replaced by this machine's:
     * the harness's PostgreSQL, its haproxy as the public URL and as the one trusted proxy (the ingress in a
     * cluster), so that each virtual user is told apart by its own address for the sign-in limits.
     */
    static ReplicaSettings fromChart(Map<String, String> configMap, Map<String, String> secret, Database.Location database,
                                     String publicUrl) {
        Map<String, String> values = new TreeMap<>();
        values.putAll(configMap);
        values.putAll(secret);
        values.put("DATABASE_URL", database.jdbcUrl());
        values.put("DATABASE_USERNAME", database.username());
        values.put("DATABASE_PASSWORD", database.password());
        values.put("TODO_PUBLIC_URL", publicUrl);
        values.put("TODO_TRUSTED_PROXIES", "127.0.0.1/32");
        // Each pod has a /tmp of its own; here each replica gets its own directory (environment).
        values.remove("TODO_HOME");
        return new ReplicaSettings(values);
    }

    /** The chart's settings as {@code helm template} renders them with its default values. */
    static ReplicaSettings fromChart(ChartConfiguration chart, Database.Location database, String publicUrl) {
        return fromChart(chart.configMap(), chart.secret(), database, publicUrl);
    }

    /** What the chart renders for the api role when it generates the JWT key itself (no chart at hand). */
    static ReplicaSettings defaults(Database.Location database, String publicUrl) {
        Map<String, String> configMap = new LinkedHashMap<>();
        configMap.put("TODO_ROLE", "api");
        Map<String, String> secret = new LinkedHashMap<>();
        // One key for every replica: a token signed by one must be accepted by all the others.
        secret.put("TODO_JWT_SECRET", Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32)));
        return fromChart(configMap, secret, database, publicUrl);
    }

    /** The whole environment of one replica listening on {@code port} with its data home {@code home}. */
    Map<String, String> environment(int port, Path home) {
        Map<String, String> environment = new TreeMap<>(values);
        environment.put("PORT", Integer.toString(port));
        environment.put("TODO_HOME", home.toString());
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("LANG", "C.UTF-8");
        return environment;
    }

    /** The settings' names with secret values hidden, for the printout. */
    Map<String, String> describe() {
        Map<String, String> shown = new TreeMap<>();
        values.forEach((key, value) -> shown.put(key, SECRET_KEYS.contains(key) && !key.equals("DATABASE_URL")
                && !key.equals("DATABASE_USERNAME") ? "***" : value));
        return shown;
    }
}
