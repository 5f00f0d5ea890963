package dev.todo.server.events;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A real single-node Kafka (KRaft, broker and controller in one) as a JVM process of its own, for the tests: the
 * classes come from the test's own class path (spring-kafka-test brings the broker). Ports are picked once, when
 * the broker is made, and its data lives in a new directory under {@code target/}, so {@link #stop()} then
 * {@link #start()} brings the same cluster back with its data. The process's output goes to {@code broker.log} in
 * that directory (kept for diagnosis; {@code mvn clean} removes it).
 */
final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final Path properties;
    private final Path log;
    private Process process;

    private KafkaBroker(Path dir, int port, int controllerPort) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.properties = dir.resolve("server.properties");
        this.log = dir.resolve("broker.log");
    }

    /** A new cluster in a fresh temp directory, formatted and started; ready when this returns. */
    static KafkaBroker startNew() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        Files.createDirectories(target);
        Path dir = Files.createTempDirectory(target, "kafka-broker-");
        int port = freePort();
        int controllerPort = freePort();
        while (controllerPort == port) {
            controllerPort = freePort();
        }
        KafkaBroker broker = new KafkaBroker(dir, port, controllerPort);
        broker.format();
        broker.start();
        return broker;
    }

    /** {@code 127.0.0.1:<port>}, for bootstrap.servers and KAFKA_BROKERS. */
    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    Path logFile() {
        return log;
    }

    private void format() throws Exception {
        Files.writeString(properties, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                ""));
        Process formatting = java("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                "-c", properties.toString(), "--standalone");
        if (!formatting.waitFor(60, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
            formatting.destroyForcibly();
            throw new IllegalStateException("formatting the Kafka storage failed; see " + log + ":\n" + tail());
        }
    }

    /** Starts the broker process (again) on the same ports and data; returns once an Admin client sees the node. */
    synchronized void start() throws Exception {
        if (process != null && process.isAlive()) {
            return;
        }
        process = java("kafka.Kafka", properties.toString());
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!ready()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited with " + process.exitValue() + "; see " + log
                        + ":\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                stop();
                throw new IllegalStateException("the Kafka broker was not ready within " + START_TIMEOUT + ":\n" + tail());
            }
            Thread.sleep(200);
        }
    }

    private boolean ready() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
        } catch (IOException notListening) {
            return false;
        }
        try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 2000, CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception notYet) {
            return false;
        }
    }

    /** Stops the broker process and everything it started, and waits until it is gone. */
    synchronized void stop() throws InterruptedException {
        Process running = process;
        if (running == null) {
            return;
        }
        List<ProcessHandle> children = running.descendants().toList();
        running.destroy();
        children.forEach(ProcessHandle::destroy);
        if (!running.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            running.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            running.waitFor();
        }
        for (ProcessHandle child : children) {
            child.onExit().orTimeout(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS).exceptionally(e -> child).join();
        }
        process = null;
    }

    /**
     * Every record of {@code topic} from the beginning of each partition, read until every one of {@code ids} (ce_id)
     * has been seen and the partitions' ends are reached; in partition order, each partition's records by offset.
     */
    List<ConsumerRecord<String, String>> readTopic(String topic, Duration wait, Set<String> ids) throws Exception {
        Map<String, Object> config = new HashMap<>(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap()));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        Map<Integer, List<ConsumerRecord<String, String>>> byPartition = new TreeMap<>();
        Set<String> missing = new LinkedHashSet<>(ids);
        long deadline = System.nanoTime() + wait.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            while (partitions.isEmpty()) {
                consumer.partitionsFor(topic, Duration.ofSeconds(5))
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                if (partitions.isEmpty()) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("topic " + topic + " does not exist after " + wait);
                    }
                    Thread.sleep(200);
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = Map.of();
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    byPartition.computeIfAbsent(record.partition(), p -> new ArrayList<>()).add(record);
                    missing.remove(header(record, "ce_id"));
                }
                if (missing.isEmpty()) {
                    if (ends.isEmpty()) {
                        ends = consumer.endOffsets(partitions);
                    }
                    boolean atEnd = true;
                    for (TopicPartition partition : partitions) {
                        atEnd &= consumer.position(partition) >= ends.get(partition);
                    }
                    if (atEnd) {
                        break;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("events " + missing + " not on " + topic + " after " + wait);
                }
            }
        }
        return byPartition.values().stream().flatMap(List::stream).toList();
    }

    /** The value of a record's header as text, or null. */
    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private Process java(String mainClass, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** A port below the kernel's ephemeral range, as CrashRecoveryIT picks one (outgoing connections cannot take it). */
    static int freePort() throws IOException {
        Random random = new Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            try (ServerSocket socket = new ServerSocket(20_000 + random.nextInt(12_000), 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // Another listener has it: try another.
            }
        }
        throw new IOException("No free port between 20000 and 32000 on 127.0.0.1");
    }
}
