package dev.todo.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.todo.cluster.LoadGenerator.Counts;

/**
 * A Kubernetes-like cluster on loopback, driven through the steps a Deployment goes through, with a load
 * generator sending requests the whole time: a real PostgreSQL, replicas of the real server jar, haproxy as
 * their Service (readiness-checked, no retries). Scales 1 → 3, rolls 1.0 → 1.1 one replica at a time and back,
 * then SIGKILLs one replica, and reports what the clients saw. Everything it starts, it stops.
 */
public final class ClusterHarness {

    /** Slots in the load balancer: three per release, reused when a release comes back. */
    static final List<String> SLOTS = List.of("v1-0-a", "v1-0-b", "v1-0-c", "v1-1-a", "v1-1-b", "v1-1-c");

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(40);

    /**
     * What to run: the server jar, the chart whose ConfigMap and Secret configure the replicas (null: the same
     * settings without a chart), the JDK for the replicas, haproxy, where to keep logs, how many virtual users.
     */
    public record Options(Path serverJar, Path chart, Path javaHome, Path haproxy, Path workDirectory, int users,
                          Duration scaleWindow) {

        public static Options defaults(Path serverJar, Path chart, Path workDirectory) {
            String javaHome = System.getenv("JAVA_HOME");
            return new Options(serverJar, chart, Path.of(javaHome == null || javaHome.isBlank()
                    ? System.getProperty("java.home") : javaHome), Path.of("/usr/sbin/haproxy"), workDirectory,
                    20, Duration.ofSeconds(10));
        }
    }

    /**
     * One replica's life: how long from its start until {@code /ready} answered, how long its drain took, how it
     * ended (SIGTERM, SIGKILL), how long it took to stop, its exit code, whether its log says the graceful
     * shutdown completed.
     */
    public record ReplicaFigures(String slot, String release, Duration timeToReady, Duration drainTime,
                                 String ending, Duration stopTime, Integer exitCode, boolean gracefulShutdown) {
    }

    /** One replica replaced by one of the other release. */
    public record RolloutStep(ReplicaFigures started, ReplicaFigures stopped) {
    }

    public record Scale(Counts duringStart, Counts window) {
    }

    public record Rollout(String from, String to, List<RolloutStep> steps, Counts during, Counts after,
                          Duration took) {
    }

    public record Kill(String slot, int exitCode, Duration timeToDown, long failedBeforeDown, long failedAfterDown,
                       Counts sinceKill, Counts afterDown, List<LoadGenerator.Failure> failures) {
    }

    /**
     * Everything the run measured: {@code startup} is the load from the users' registration until the scale-out,
     * {@code failures} every failed request of the run (when: seconds since the harness started).
     */
    public record Report(int users, Map<String, String> settings, Counts startup, Scale scale, Kill kill,
                         Rollout rollout, Rollout rollback, Counts total, List<LoadGenerator.Failure> failures,
                         List<ReplicaFigures> replicas, Duration took, long startedAt) {
    }

    private final Options options;
    private final PrintStream out;
    private final long started = System.nanoTime();
    /** The replicas in the load balancer, by slot (v1-0-a before v1-0-b); the shutdown hook reads them too. */
    private final Map<String, Replica> running = new ConcurrentSkipListMap<>();
    private final List<Replica> everyReplica = new CopyOnWriteArrayList<>();
    private ReplicaSettings settings;
    private volatile LoadBalancer balancer;

    ClusterHarness(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path chart = root.resolve("charts/todo");
        Options options = Options.defaults(root.resolve("todo-server/target/todo-server.jar"),
                Files.isDirectory(chart) ? chart : null, root.resolve("deploy/cluster/target/cluster-run"));
        Report report = run(options, System.out);
        System.out.println();
        System.out.print(Summary.of(report));
    }

    /** Runs every scenario and stops everything it started, also when a step fails. */
    public static Report run(Options options, PrintStream out) throws Exception {
        if (!Files.isRegularFile(options.serverJar())) {
            throw new IllegalArgumentException("No server jar at " + options.serverJar()
                    + ": build it first (./mvnw -pl todo-server -am -DskipTests package)");
        }
        if (!Files.isExecutable(options.haproxy())) {
            throw new IllegalArgumentException("No haproxy at " + options.haproxy() + " (apt-get install haproxy)");
        }
        ClusterHarness harness = new ClusterHarness(options, out);
        // Ctrl-C skips the finally below: the processes it started must not outlive it.
        Thread onExit = new Thread(harness::stopEverything, "stop-cluster");
        Runtime.getRuntime().addShutdownHook(onExit);
        try {
            return harness.runScenarios();
        } finally {
            harness.stopEverything();
            Runtime.getRuntime().removeShutdownHook(onExit);
        }
    }

    private volatile Database database;
    private volatile LoadGenerator load;

    private Report runScenarios() throws Exception {
        Files.createDirectories(options.workDirectory());
        say("starting PostgreSQL");
        database = Database.start();
        balancer = LoadBalancer.start(options.haproxy(), options.workDirectory(), SLOTS);
        URI service = URI.create("http://127.0.0.1:" + balancer.port());
        if (options.chart() != null) {
            settings = ReplicaSettings.fromChart(ChartConfiguration.render(options.chart()), database.location(),
                    service.toString());
            say("replica settings: ConfigMap todo-config and Secret todo-secrets of helm template todo "
                    + options.chart().getParent().getFileName() + "/" + options.chart().getFileName());
        } else {
            settings = ReplicaSettings.defaults(database.location(), service.toString());
            say("replica settings: no chart, the api role's defaults");
        }
        say("  " + settings.describe());
        say("PostgreSQL at " + database.location().jdbcUrl() + ", haproxy at " + service);

        say("starting the first replica v1-0-a");
        startReplicas(List.of("v1-0-a"), "1.0");
        load = new LoadGenerator(service, options.users(), Duration.ofSeconds(1));
        Counts zero = load.counts();
        load.start(Duration.ofSeconds(60));
        say(options.users() + " virtual users registered, sending requests");
        Counts startup = load.counts().minus(zero);

        Scale scale = scaleOut();
        // The ReplicaSet would start a new pod for the killed one; here the cluster goes on with two replicas
        // (the chart's default), which the rollout then replaces one at a time.
        Kill kill = killOne("v1-0-c");
        Rollout rollout = roll("1.0", "1.1");
        Rollout rollback = roll("1.1", "1.0");
        Counts total = load.counts();
        List<LoadGenerator.Failure> failures = load.failures();
        load.close();
        say("load stopped: " + total.requests() + " requests, " + total.failures() + " failed");
        for (Replica replica : List.copyOf(running.values())) {
            balancer.remove(replica.slot());
            replica.terminate(STOP_TIMEOUT);
            running.remove(replica.slot());
        }
        say("every replica stopped");
        return new Report(options.users(), settings.describe(), startup, scale, kill, rollout, rollback, total,
                failures, everyReplica.stream().map(Replica::figures).toList(),
                Duration.ofNanos(System.nanoTime() - started), started);
    }

    /** Scenario 1: two more replicas start, become ready, join; then the traffic of the next window is counted. */
    private Scale scaleOut() throws Exception {
        say("scale 1 -> 3: starting v1-0-b and v1-0-c");
        Counts before = load.counts();
        startReplicas(List.of("v1-0-b", "v1-0-c"), "1.0");
        Counts joined = load.counts();
        say("3 replicas serving; counting " + options.scaleWindow().toSeconds() + " s of traffic");
        Thread.sleep(options.scaleWindow());
        Counts window = load.counts().minus(joined);
        say("scale window: " + window);
        return new Scale(joined.minus(before), window);
    }

    /** Scenario 2: each replica of release {@code from} replaced, one at a time, by one of release {@code to}. */
    private Rollout roll(String from, String to) throws Exception {
        say("rolling update " + from + " -> " + to);
        long start = System.nanoTime();
        Counts before = load.counts();
        List<RolloutStep> steps = new ArrayList<>();
        List<String> oldSlots = running.keySet().stream().filter(slot -> slot.startsWith(slot(from, ""))).toList();
        for (String oldSlot : oldSlots) {
            String newSlot = slot(to, oldSlot.substring(oldSlot.length() - 1));
            ReplicaFigures started = startReplicas(List.of(newSlot), to).getFirst();
            Replica old = running.remove(oldSlot);
            balancer.drain(oldSlot);
            Duration drain = balancer.awaitIdle(oldSlot, Duration.ofSeconds(30));
            old.drained(drain);
            balancer.remove(oldSlot);
            int exit = old.terminate(STOP_TIMEOUT);
            steps.add(new RolloutStep(started, old.figures()));
            say("  " + newSlot + " ready in " + seconds(started.timeToReady()) + ", " + oldSlot + " drained in "
                    + millis(drain) + ", stopped in " + seconds(old.stopTime()) + " (exit " + exit + ")");
        }
        Counts during = load.counts().minus(before);
        Counts settled = load.counts();
        Thread.sleep(3000);
        Counts after = load.counts().minus(settled);
        say("rolled to " + to + ": " + during.requests() + " requests during, " + during.failures()
                + " failed; next 3 s served by " + after.servedBy());
        return new Rollout(from, to, steps, during, after, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Scenario 3: one replica SIGKILLed; the readiness check takes it out; the others carry on. */
    private Kill killOne(String slot) throws Exception {
        say("SIGKILL " + slot);
        Replica victim = running.remove(slot);
        Counts before = load.counts();
        long killedAt = System.nanoTime();
        int exit = victim.kill();
        Duration down = balancer.awaitStatus(slot, "DOWN", Duration.ofSeconds(5));
        long downAt = System.nanoTime();
        Counts atDown = load.counts();
        Thread.sleep(3000);
        Counts afterDown = load.counts().minus(atDown);
        Counts sinceKill = load.counts().minus(before);
        // A request is counted as failed when its answer comes; one sent before DOWN may fail just after it.
        List<LoadGenerator.Failure> failures = load.failures().stream().filter(f -> f.at() >= killedAt).toList();
        long beforeDown = failures.stream().filter(f -> f.at() <= downAt).count();
        long afterDownFailed = failures.size() - beforeDown;
        balancer.remove(slot);
        say("  " + slot + " exit " + exit + ", marked DOWN after " + millis(Duration.ofNanos(downAt - killedAt))
                + "; failed: " + beforeDown + " until DOWN, " + afterDownFailed + " after; next 3 s served by "
                + afterDown.servedBy());
        return new Kill(slot, exit, Duration.ofNanos(downAt - killedAt), beforeDown, afterDownFailed, sinceKill,
                afterDown, failures);
    }

    /** Starts replicas side by side, waits until each is ready, then adds each to the load balancer. */
    private List<ReplicaFigures> startReplicas(List<String> slots, String release) throws Exception {
        List<Replica> replicas = new ArrayList<>();
        for (String slot : slots) {
            Replica replica = Replica.start(slot, release, settings, options.serverJar(), options.javaHome(),
                    options.workDirectory());
            running.put(slot, replica);
            everyReplica.add(replica);
            replicas.add(replica);
        }
        try (ExecutorService waits = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Void>> ready = new ArrayList<>();
            for (Replica replica : replicas) {
                ready.add(waits.submit((Callable<Void>) () -> {
                    replica.awaitReady(READY_TIMEOUT);
                    return null;
                }));
            }
            for (Future<Void> future : ready) {
                future.get();
            }
        }
        List<ReplicaFigures> figures = new ArrayList<>();
        for (Replica replica : replicas) {
            balancer.enable(replica.slot(), replica.port());
            balancer.awaitStatus(replica.slot(), "UP", Duration.ofSeconds(5));
            figures.add(replica.figures());
            say("  " + replica.slot() + " (pid " + replica.pid() + ", port " + replica.port() + ") ready in "
                    + seconds(replica.timeToReady()) + " and in the load balancer");
        }
        return figures;
    }

    /** Stops what is still running: the users, the replicas, haproxy, PostgreSQL. Safe to call twice. */
    private synchronized void stopEverything() {
        try {
            if (load != null) {
                load.close();
                load = null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Replica replica : everyReplica) {
            replica.destroy();
        }
        running.clear();
        try {
            if (balancer != null) {
                balancer.close();
                balancer = null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (database != null) {
                database.close();
                database = null;
            }
        } catch (IOException e) {
            out.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    static String slot(String release, String letter) {
        return "v" + release.replace('.', '-') + "-" + letter;
    }

    private void say(String line) {
        out.printf(Locale.ROOT, "[%6.1f s] %s%n", (System.nanoTime() - started) / 1e9, line);
    }

    static String seconds(Duration duration) {
        return duration == null ? "-" : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    static String millis(Duration duration) {
        return duration == null ? "-" : duration.toMillis() + " ms";
    }

}
