package dev.todo.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** charts/todo, linted and rendered by Helm in-process (helm-java), the way `helm lint` and `helm template` do. */
final class Chart {

    static final Path DIRECTORY = locate();
    static final String KUBE_VERSION = "1.34.0";

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    private static final Map<Variant, Rendered> RENDERED = new ConcurrentHashMap<>();
    static final String HOOK_ANNOTATION = "test.todo.dev/helm-hook";
    private static final Path WITH_VISIBLE_HOOKS = copyWithVisibleHooks();
    private static final Path WITHOUT_SCHEMA = copyWithoutSchema();

    private Chart() {
    }

    static Path file(String name) {
        return DIRECTORY.resolve(name);
    }

    static Path testValues(String name) {
        return Path.of("src/test/resources/values").resolve(name).toAbsolutePath();
    }

    /** The variant rendered once per test run (rendering is deterministic apart from generated secrets). */
    static Rendered rendered(Variant variant) {
        return RENDERED.computeIfAbsent(variant, v -> render(v, Map.of()));
    }

    /**
     * `helm template <release> charts/todo -f ... --set key=value ...`; a template `fail` throws. helm-java leaves
     * hooks out of its output, so this renders a copy whose `helm test` pods carry their hook annotation under
     * the name {@link #HOOK_ANNOTATION} instead: they render as plain objects, and tests still see the hook.
     */
    static Rendered render(Variant variant, Map<String, Object> sets) {
        return render(WITH_VISIBLE_HOOKS, variant, sets);
    }

    /** As {@link #render} with values.schema.json removed: the checks the templates make by themselves. */
    static Rendered renderWithoutSchema(Map<String, Object> sets) {
        return render(WITHOUT_SCHEMA, Variant.DEFAULT, sets);
    }

    private static Rendered render(Path chart, Variant variant, Map<String, Object> sets) {
        TemplateCommand command = new Helm(chart).template()
                .withName(variant.release)
                .withNamespace("todo")
                .withKubeVersion(KUBE_VERSION);
        variant.valuesFiles.forEach(command::withValuesFile);
        // helm-java's template asks a cluster (kubeconfig, else localhost:8080) for `lookup`: never here.
        command.set("secrets.reuseFromCluster", false);
        sets.forEach(command::set);
        return parse(command.call());
    }

    /** `helm lint --strict` of the chart as the variant installs it (lint takes no -f: its values are merged into a copy). */
    static LintResult lint(Variant variant) {
        Path copy = copyWithValues(variant);
        return new Helm(copy).lint().strict().call();
    }

    static Rendered parse(String manifests) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : manifests.split("(?m)^---\\s*$")) {
            if (document.lines().allMatch(line -> line.isBlank() || line.stripLeading().startsWith("#"))) {
                continue;
            }
            KubernetesResource resource = SERIALIZATION.unmarshal(document);
            if (!(resource instanceof HasMetadata object)) {
                throw new AssertionError("Not a Kubernetes object: " + document);
            }
            objects.add(object);
        }
        return new Rendered(manifests, objects);
    }

    private static Path copy() throws IOException {
        // Under target/, so that the build cleans them away.
        Path parent = Files.createDirectories(Path.of("target/chart-copies").toAbsolutePath());
        Path copy = Files.createTempDirectory(parent, "todo-").resolve("todo");
        try (Stream<Path> files = Files.walk(DIRECTORY)) {
            for (Path source : files.toList()) {
                Path target = copy.resolve(DIRECTORY.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return copy;
    }

    private static Path copyWithVisibleHooks() {
        try {
            Path copy = copy();
            try (Stream<Path> files = Files.list(copy.resolve("templates/tests"))) {
                for (Path file : files.toList()) {
                    Files.writeString(file, Files.readString(file).replace("helm.sh/hook:", HOOK_ANNOTATION + ":"));
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copyWithoutSchema() {
        try {
            Path copy = copy();
            Files.delete(copy.resolve("values.schema.json"));
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Path copyWithValues(Variant variant) {
        try {
            Path copy = copy();
            Map<String, Object> values = YAML.readValue(DIRECTORY.resolve("values.yaml").toFile(), LinkedHashMap.class);
            for (Path file : variant.valuesFiles) {
                values = merge(values, YAML.readValue(file.toFile(), LinkedHashMap.class));
            }
            YAML.writeValue(copy.resolve("values.yaml").toFile(), values);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Helm's coalescing of a values file over the defaults: maps merge key by key, anything else replaces. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overlay) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        overlay.forEach((key, value) -> {
            if (value instanceof Map<?, ?> overlayMap && merged.get(key) instanceof Map<?, ?> baseMap) {
                merged.put(key, merge((Map<String, Object>) baseMap, (Map<String, Object>) overlayMap));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path chart = dir.resolve("charts/todo/Chart.yaml");
            if (Files.isRegularFile(chart)) {
                return chart.getParent();
            }
        }
        throw new IllegalStateException("charts/todo not found above " + Path.of("").toAbsolutePath());
    }

    static List<Variant> variants() {
        return Arrays.asList(Variant.values());
    }
}
