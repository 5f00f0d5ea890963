package dev.todo.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every object `helm template` renders, exactly as rendered, validates against the Kubernetes OpenAPI schemas
 * (npm kubernetes-models, run by node: types, required fields, enums, quantities), for every variant.
 */
class KubernetesSchemaTest {

    private static final Path SCRIPT = Path.of("schema-check/validate.mjs").toAbsolutePath();
    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** What node printed for one file, and whether the whole run passed. */
    record Result(int exitCode, String output) {
    }

    /** Every variant's objects, validated by one node process (loading the schemas takes seconds). */
    private static final Map<Variant, Result> VARIANTS = new ConcurrentHashMap<>();

    private static Path write(String name, ArrayNode objects) {
        Path file = Path.of("target/schema-check").toAbsolutePath().resolve(name + ".json");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JSON.writeValue(file.toFile(), objects);
        return file;
    }

    /** Runs validate.mjs on the files; the output of each file, by file. */
    private static Map<Path, Result> validate(List<Path> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", SCRIPT.toString()));
        files.forEach(f -> command.add(f.toString()));
        Process node = new ProcessBuilder(command).directory(SCRIPT.getParent().toFile()).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(120, TimeUnit.SECONDS)).as("node finished").isTrue();
        Map<Path, Result> results = new HashMap<>();
        for (String section : output.split("(?m)^== ")) {
            if (!section.isBlank()) {
                String file = section.lines().findFirst().orElseThrow();
                results.put(Path.of(file), new Result(node.exitValue(), section));
            }
        }
        assertThat(results.keySet()).as(output).containsExactlyInAnyOrderElementsOf(files);
        return results;
    }

    private static synchronized Result validated(Variant variant) throws IOException, InterruptedException {
        if (VARIANTS.isEmpty()) {
            Map<Path, Variant> files = new HashMap<>();
            for (Variant v : Variant.values()) {
                files.put(write(v.name(), documents(Chart.rendered(v).manifests())), v);
            }
            validate(List.copyOf(files.keySet())).forEach((file, result) -> VARIANTS.put(files.get(file), result));
        }
        return VARIANTS.get(variant);
    }

    private static ArrayNode documents(String manifests) {
        ArrayNode objects = JSON.createArrayNode();
        for (String document : manifests.split("(?m)^---\\s*$")) {
            JsonNode node = YAML.readTree(document);
            if (node != null && !node.isMissingNode() && !node.isNull() && node.isObject()) {
                objects.add(node);
            }
        }
        return objects;
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void everyRenderedObjectMatchesTheKubernetesSchema(Variant variant) throws Exception {
        Rendered rendered = Chart.rendered(variant);

        Result result = validated(variant);

        assertThat(result.output()).as(result.output()).contains("checked " + rendered.objects().size() + ", invalid 0");
        assertThat(result.output().lines()).as(result.output()).noneMatch(line -> line.startsWith("invalid "));
    }

    @Test
    void theCheckFindsAMissingRequiredFieldAWrongQuantityAndAnUnknownKind() throws Exception {
        ArrayNode objects = documents("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: broken}
                spec:
                  selector: {matchLabels: {app: x}}
                  template:
                    metadata: {labels: {app: x}}
                    spec:
                      containers:
                        - image: todo-backend:1
                          resources: {limits: {memory: 256MB}}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: fine}
                spec:
                  ports: [{port: 80}]
                ---
                apiVersion: example.com/v1
                kind: Gadget
                metadata: {name: gadget}
                """);

        Path file = write("broken", objects);
        Result result = validate(List.of(file)).get(file);

        assertThat(result.exitCode()).isEqualTo(1);
        List<String> lines = result.output().lines().toList();
        assertThat(lines).anyMatch(l -> l.startsWith("invalid Deployment/broken:") && l.contains("must have required property name")
                && l.contains("limits/memory must match format \"quantity\""));
        assertThat(lines).contains("ok Service/fine", "invalid Gadget/gadget: no model for example.com/v1 Gadget",
                "checked 3, invalid 2");
    }
}
