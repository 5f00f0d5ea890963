package dev.todo.cluster;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import com.marcnuri.helm.Helm;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * What the chart gives the backend pods: {@code helm template todo charts/todo} (Helm in-process, default
 * values), then the data of its ConfigMap {@code todo-config} and Secret {@code todo-secrets} (decoded), the two
 * objects the backend Deployment reads its environment from.
 */
record ChartConfiguration(Map<String, String> configMap, Map<String, String> secret) {

    static final String RELEASE = "todo";

    static ChartConfiguration render(Path chart) {
        if (!Files.isRegularFile(chart.resolve("Chart.yaml"))) {
            throw new IllegalArgumentException("No Helm chart at " + chart);
        }
        String manifests = new Helm(chart).template().withName(RELEASE).withNamespace("todo")
                // The chart asks for Kubernetes 1.30 or newer; helm template alone assumes 1.20.
                .withKubeVersion("1.34.0")
                // Nothing to look up: no cluster here (the chart would reuse the JWT key of an installed release).
                .set("secrets.reuseFromCluster", false).call();
        return fromManifests(manifests);
    }

    @SuppressWarnings("unchecked")
    static ChartConfiguration fromManifests(String manifests) {
        Map<String, String> configMap = null;
        Map<String, String> secret = null;
        for (Object document : new Yaml(new LoaderOptions()).loadAll(manifests)) {
            if (!(document instanceof Map<?, ?> object)) {
                continue;
            }
            String kind = String.valueOf(object.get("kind"));
            String name = String.valueOf(((Map<String, Object>) object.get("metadata")).get("name"));
            if (kind.equals("ConfigMap") && name.equals(RELEASE + "-config")) {
                configMap = strings((Map<String, Object>) object.get("data"), false);
            } else if (kind.equals("Secret") && name.equals(RELEASE + "-secrets")) {
                secret = new TreeMap<>();
                if (object.get("data") != null) {
                    secret.putAll(strings((Map<String, Object>) object.get("data"), true));
                }
                if (object.get("stringData") != null) {
                    secret.putAll(strings((Map<String, Object>) object.get("stringData"), false));
                }
            }
        }
        if (configMap == null || secret == null) {
            throw new IllegalStateException("The chart rendered no ConfigMap " + RELEASE + "-config and Secret "
                    + RELEASE + "-secrets");
        }
        return new ChartConfiguration(configMap, secret);
    }

    private static Map<String, String> strings(Map<String, Object> data, boolean base64) {
        Map<String, String> values = new TreeMap<>();
        data.forEach((key, value) -> {
            String text = value == null ? "" : value.toString();
            values.put(key, base64 ? new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8) : text);
        });
        return values;
    }
}
