package dev.todo.cluster;

import java.io.IOException;
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
 * What the chart gives the backend pods: {@code helm template todo charts/todo} (Helm 3 as a library, default
 * values), then the data of its ConfigMap {@code todo-config} and Secret {@code todo-secrets} (decoded), the two
 * objects the backend Deployment reads its environment from.
 */
record ChartConfiguration(Map<String, String> configMap, Map<String, String> secret) {

    static final String RELEASE = "todo";

    /**
     * Renders the chart in a JVM of its own: Helm is a Go library, and the Go runtime it brings takes over SIGTERM
     * and SIGINT in the process that loads it, so a harness that rendered in-process would no longer stop (and
     * stop its replicas) on Ctrl-C.
     */
    static ChartConfiguration render(Path chart) throws IOException, InterruptedException {
        if (!Files.isRegularFile(chart.resolve("Chart.yaml"))) {
            throw new IllegalArgumentException("No Helm chart at " + chart);
        }
        Process helm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                ChartConfiguration.class.getName(), chart.toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String manifests = new String(helm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (helm.waitFor() != 0) {
            throw new IllegalStateException("helm template " + chart + " failed (exit " + helm.exitValue() + ")");
        }
        return fromManifests(manifests);
    }

    /** {@code helm template todo <chart>}, printed: what {@link #render} runs in its own JVM. */
    public static void main(String[] args) {
        String manifests = new Helm(Path.of(args[0])).template().withName(RELEASE).withNamespace("todo")
                // The chart asks for Kubernetes 1.30 or newer; helm template alone assumes 1.20.
                .withKubeVersion("1.34.0")
                // Nothing to look up: no cluster here (the chart would reuse the JWT key of an installed release).
                .set("secrets.reuseFromCluster", false).call();
        System.out.print(manifests);
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
