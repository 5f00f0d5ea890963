package dev.todo.images.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One container of an unpacked image, run by runc as a Kubernetes pod would run it: the image's command, user and
 * environment, a read-only root with a tmpfs at /tmp (the chart's emptyDir), the pod's memory and CPU limits, and
 * the host's network (loopback) instead of a network namespace of its own.
 */
final class RuncContainer implements AutoCloseable {

    static final String RUNC = "/usr/sbin/runc";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String id;
    private final Path state;
    private final Path log;
    private final Process runc;

    private RuncContainer(String id, Path state, Path log, Process runc) {
        this.id = id;
        this.state = state;
        this.log = log;
        this.runc = runc;
    }

    /**
     * Starts {@code image} as container {@code id}, its bundle and log under {@code work}; {@code environment} comes
     * on top of the image's own.
     */
    static RuncContainer start(ImageArchive image, String id, Path work, Map<String, String> environment,
                               long memoryLimitBytes, long cpuQuotaMicros, long cpuPeriodMicros)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(RUNC))) {
            throw new IllegalStateException("runc is missing (" + RUNC + "): the image test runs the image in a real "
                    + "container runtime; install it with apt-get install runc");
        }
        if (!Files.readString(Path.of("/proc/self/status")).lines().anyMatch(line -> line.matches("Uid:\\s+0\\s.*"))) {
            throw new IllegalStateException("runc needs root here to give the container the pod's memory and CPU "
                    + "limits (cgroups): run the image test as root, as CI does");
        }
        Path bundle = Files.createDirectories(work.resolve(id));
        Path state = Files.createDirectories(work.resolve("runc-state"));
        Files.deleteIfExists(bundle.resolve("config.json"));
        exec(List.of(RUNC, "spec", "--bundle", bundle.toString()));
        ObjectNode spec = (ObjectNode) JSON.readTree(Files.readString(bundle.resolve("config.json")));

        ObjectNode process = (ObjectNode) spec.get("process");
        process.put("terminal", false);
        ArrayNode args = process.putArray("args");
        image.command().forEach(args::add);
        ArrayNode env = process.putArray("env");
        image.environment().forEach(env::add);
        environment.forEach((name, value) -> env.add(name + "=" + value));
        String[] user = image.user().split(":");
        process.putObject("user").put("uid", Integer.parseInt(user[0])).put("gid", Integer.parseInt(user[1]));
        process.put("cwd", image.workingDirectory());

        spec.putObject("root").put("path", image.rootfs().toString()).put("readonly", true);
        spec.remove("hostname");
        ObjectNode tmp = ((ArrayNode) spec.get("mounts")).addObject();
        tmp.put("destination", "/tmp").put("type", "tmpfs").put("source", "tmpfs");
        tmp.putArray("options").add("nosuid").add("nodev").add("mode=1777").add("size=64m");

        ObjectNode linux = (ObjectNode) spec.get("linux");
        ArrayNode namespaces = linux.putArray("namespaces");
        for (String namespace : List.of("pid", "ipc", "uts", "mount")) {
            namespaces.addObject().put("type", namespace);
        }
        linux.put("cgroupsPath", "/todo-image-it/" + id);
        ObjectNode resources = (ObjectNode) linux.get("resources");
        resources.putObject("memory").put("limit", memoryLimitBytes);
        resources.putObject("cpu").put("quota", cpuQuotaMicros).put("period", cpuPeriodMicros);
        Files.writeString(bundle.resolve("config.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(spec));

        Path log = work.resolve(id + ".log");
        exec(List.of(RUNC, "--root", state.toString(), "delete", "--force", id), true);
        Process runc = new ProcessBuilder(RUNC, "--root", state.toString(), "run", "--bundle", bundle.toString(), id)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RuncContainer container = new RuncContainer(id, state, log, runc);
        // A test JVM stopped half way (Ctrl-C, a fork timeout) must not leave a server running on the machine.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                container.close();
            } catch (IOException | InterruptedException | RuntimeException ignored) {
                // Best effort on the way out; runc state is under target/ and goes with mvn clean.
            }
        }));
        return container;
    }

    boolean isRunning() {
        return runc.isAlive();
    }

    /**
     * The directory of the container's cgroup for {@code controller} ("memory", "cpu"), found as a runtime does:
     * runc's state names the container's first process, whose /proc/PID/cgroup names its cgroups. Cgroup v1
     * (one hierarchy per controller, as on this machine) or v2 (one unified hierarchy).
     */
    private Cgroup cgroup(String controller) throws IOException, InterruptedException {
        long pid = JSON.readTree(exec(List.of(RUNC, "--root", state.toString(), "state", id))).get("pid").asLong();
        List<String> lines = Files.readAllLines(Path.of("/proc/" + pid + "/cgroup"));
        for (String line : lines) {
            String[] fields = line.split(":", 3);
            if (List.of(fields[1].split(",")).contains(controller)) {
                return new Cgroup(Path.of("/sys/fs/cgroup/" + fields[1] + fields[2]), false);
            }
        }
        for (String line : lines) {
            if (line.startsWith("0::")) {
                return new Cgroup(Path.of("/sys/fs/cgroup" + line.substring(3)), true);
            }
        }
        throw new IllegalStateException("No " + controller + " cgroup for the container's process " + pid + ": " + lines);
    }

    private record Cgroup(Path directory, boolean unified) {

        String read(String v1File, String v2File) throws IOException {
            return Files.readString(directory.resolve(unified ? v2File : v1File)).trim();
        }
    }

    /** The most memory the container's cgroup ever charged (what the kernel holds against the limit). */
    long peakMemoryBytes() throws IOException, InterruptedException {
        return Long.parseLong(cgroup("memory").read("memory.max_usage_in_bytes", "memory.peak"));
    }

    String memoryLimit() throws IOException, InterruptedException {
        return cgroup("memory").read("memory.limit_in_bytes", "memory.max");
    }

    /** How many processes the kernel killed in the container's cgroup for want of memory. */
    long oomKills() throws IOException, InterruptedException {
        for (String line : cgroup("memory").read("memory.oom_control", "memory.events").split("\n")) {
            if (line.startsWith("oom_kill ")) {
                return Long.parseLong(line.substring("oom_kill ".length()).trim());
            }
        }
        throw new IllegalStateException("The memory cgroup has no oom_kill counter (a kernel older than 4.13?)");
    }

    /** The CPU limit as quota/period in microseconds. */
    String cpuLimit() throws IOException, InterruptedException {
        Cgroup cpu = cgroup("cpu");
        return cpu.unified() ? cpu.read("", "cpu.max").replace(' ', '/')
                : cpu.read("cpu.cfs_quota_us", "") + "/" + cpu.read("cpu.cfs_period_us", "");
    }

    /** Sends SIGTERM, as the kubelet does, and waits up to {@code grace} for the container to end. */
    Integer stop(Duration grace) throws IOException, InterruptedException {
        exec(List.of(RUNC, "--root", state.toString(), "kill", id, "TERM"));
        if (!runc.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            return null;
        }
        return runc.exitValue();
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** The last lines of the container's output, for failure messages. */
    String logTail() throws IOException {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (runc.isAlive()) {
            exec(List.of(RUNC, "--root", state.toString(), "kill", id, "KILL"), true);
            runc.waitFor(10, TimeUnit.SECONDS);
        }
        exec(List.of(RUNC, "--root", state.toString(), "delete", "--force", id), true);
    }

    private static String exec(List<String> command) throws IOException, InterruptedException {
        return exec(command, false);
    }

    private static String exec(List<String> command, boolean mayFail) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || (process.exitValue() != 0 && !mayFail)) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
