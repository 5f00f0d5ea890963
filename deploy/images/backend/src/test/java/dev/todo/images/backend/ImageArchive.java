package dev.todo.images.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An image archive as {@code docker load} and {@code minikube image load} read it (manifest.json, the image's
 * config, gzipped layer tars), unpacked the way a container runtime does: every layer applied in order to one
 * root filesystem.
 */
final class ImageArchive {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode manifest;
    private final JsonNode config;
    private final Path rootfs;

    private ImageArchive(JsonNode manifest, JsonNode config, Path rootfs) {
        this.manifest = manifest;
        this.config = config;
        this.rootfs = rootfs;
    }

    /** Unpacks {@code tar} under {@code work} (archive/ and rootfs/, both made afresh). */
    static ImageArchive unpack(Path tar, Path work) throws IOException, InterruptedException {
        if (!Files.isRegularFile(tar)) {
            throw new IllegalStateException("No image archive at " + tar + ": build it first (./todo images)");
        }
        Path archive = recreate(work.resolve("archive"));
        Path rootfs = recreate(work.resolve("rootfs"));
        untar(tar, archive, "-xf");
        JsonNode manifest = JSON.readTree(Files.readString(archive.resolve("manifest.json"))).get(0);
        JsonNode config = JSON.readTree(Files.readString(archive.resolve(manifest.get("Config").stringValue())));
        for (JsonNode layer : manifest.get("Layers")) {
            untar(archive.resolve(layer.stringValue()), rootfs, "-xzf");
        }
        return new ImageArchive(manifest, config, rootfs);
    }

    Path rootfs() {
        return rootfs;
    }

    List<String> tags() {
        return strings(manifest.get("RepoTags"));
    }

    /** The process the image runs: its entrypoint followed by its command. */
    List<String> command() {
        List<String> command = new ArrayList<>(strings(container().get("Entrypoint")));
        command.addAll(strings(container().get("Cmd")));
        return command;
    }

    List<String> environment() {
        return strings(container().get("Env"));
    }

    String user() {
        return container().path("User").asString("");
    }

    String workingDirectory() {
        return container().path("WorkingDir").asString("/");
    }

    List<String> exposedPorts() {
        return container().path("ExposedPorts").properties().stream().map(java.util.Map.Entry::getKey).toList();
    }

    private JsonNode container() {
        return config.get("config");
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(value -> values.add(value.stringValue()));
        }
        return values;
    }

    private static Path recreate(Path directory) throws IOException, InterruptedException {
        if (Files.exists(directory)) {
            run(List.of("rm", "-rf", directory.toString()));
        }
        return Files.createDirectories(directory);
    }

    private static void untar(Path file, Path into, String mode) throws IOException, InterruptedException {
        // Jib writes libarchive's creation-time headers, which GNU tar would warn about once per file.
        run(List.of("tar", "--warning=no-unknown-keyword", "--same-owner", "-p", mode, file.toString(),
                "-C", into.toString()));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
