package dev.todo.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Virtual users sending requests through the load balancer the whole time, each on its own loopback address
 * (127.0.0.11, 127.0.0.12, ...: its own client address for the per-address sign-in limit): each registers once
 * (one user after the other, over 5 s), then, one request a second (under the API's 100 a minute per user), lists its tasks, creates one, completes
 * it, and again. A request fails when it gets no answer or one that is not 2xx; every answer's
 * {@code X-Served-By} says which slot served it.
 */
final class LoadGenerator implements AutoCloseable {

    private static final Duration REGISTRATION_SPREAD = Duration.ofSeconds(5);
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TASK_ID = Pattern.compile("\"task\"\\s*:\\s*\\{\\s*\"id\"\\s*:\\s*(\\d+)");

    /** Totals since the start; {@link #minus} gives a window's. */
    record Counts(long requests, long failures, Map<String, Long> servedBy) {

        Counts minus(Counts earlier) {
            Map<String, Long> served = new TreeMap<>(servedBy);
            earlier.servedBy.forEach((slot, count) -> served.merge(slot, -count, Long::sum));
            served.values().removeIf(count -> count == 0);
            return new Counts(requests - earlier.requests, failures - earlier.failures, served);
        }

        double share(String slot) {
            long served = servedBy.values().stream().mapToLong(Long::longValue).sum();
            return served == 0 ? 0 : (double) servedBy.getOrDefault(slot, 0L) / served;
        }
    }

    /** One failed request: when (System.nanoTime), which slot answered (or "-"), and what went wrong. */
    record Failure(long at, String slot, String what) {
    }

    private final URI base;
    private final int users;
    private final Duration interval;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Map<String, LongAdder> servedBy = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Failure> failureLog = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch registered;
    private volatile boolean running = true;

    LoadGenerator(URI base, int users, Duration interval) {
        this.base = base;
        this.users = users;
        this.interval = interval;
        this.registered = new CountDownLatch(users);
    }

    /** Starts every user; returns once all of them are registered and signed in. */
    void start(Duration timeout) throws InterruptedException {
        for (int user = 0; user < users; user++) {
            int number = user;
            threads.add(Thread.ofVirtual().name("user-" + number).start(() -> run(number)));
        }
        if (!registered.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("Only " + (users - registered.getCount()) + " of " + users
                    + " virtual users registered within " + timeout.toSeconds() + " s; failures: " + failures());
        }
    }

    Counts counts() {
        Map<String, Long> served = new TreeMap<>();
        servedBy.forEach((slot, count) -> served.put(slot, count.sum()));
        return new Counts(requests.get(), failures.get(), served);
    }

    List<Failure> failures() {
        return List.copyOf(failureLog);
    }

    int users() {
        return users;
    }

    private void run(int number) {
        HttpClient client;
        try {
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .localAddress(InetAddress.getByName("127.0.0." + (11 + number)))
                    .connectTimeout(Duration.ofSeconds(2)).build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String token = null;
        String lastTask = null;
        long step = 0;
        // Users arrive one after the other over 5 s (twenty password hashes at once would hold a single cold
        // replica's CPU for seconds), and their requests are spread over the interval.
        long next = System.nanoTime() + (REGISTRATION_SPREAD.toNanos() + interval.toNanos()) * number / users;
        try (client) {
            while (running) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
                next += interval.toNanos();
                if (!running) {
                    break;
                }
                if (token == null) {
                    String body = send(client, post("/api/v1/auth/register", null, """
                            {"email":"load-%d-%s@cluster.test","password":"cluster-harness-%s","name":"Load %d","timeZone":"UTC"}"""
                            .formatted(number, runId, runId, number)));
                    token = body == null ? null : find(ACCESS_TOKEN, body);
                    if (token != null) {
                        registered.countDown();
                    }
                    continue;
                }
                switch ((int) (step++ % 3)) {
                    case 0 -> send(client, HttpRequest.newBuilder(base.resolve("/api/v1/tasks?limit=20"))
                            .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build());
                    case 1 -> {
                        String body = send(client, post("/api/v1/tasks", token,
                                "{\"title\":\"Task " + step + " of user " + number + "\"}"));
                        lastTask = body == null ? null : find(TASK_ID, body);
                    }
                    default -> {
                        if (lastTask != null) {
                            send(client, HttpRequest.newBuilder(base.resolve("/api/v1/tasks/" + lastTask))
                                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                    .timeout(Duration.ofSeconds(10))
                                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\":\"done\"}")).build());
                            lastTask = null;
                        }
                    }
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpRequest post(String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    /**
     * Sends one request and counts it when its answer (or its failure) comes, so that a window counts the
     * requests that ended in it; the body of a 2xx answer, else null.
     */
    private String send(HttpClient client, HttpRequest request) throws InterruptedException {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            requests.incrementAndGet();
            String slot = response.headers().firstValue("X-Served-By").orElse("-");
            servedBy.computeIfAbsent(slot, key -> new LongAdder()).increment();
            if (response.statusCode() / 100 == 2) {
                return response.body();
            }
            String body = response.body().replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
            fail(slot, request.method() + " " + request.uri().getPath() + " -> " + response.statusCode() + " "
                    + body.substring(0, Math.min(120, body.length())));
        } catch (IOException e) {
            requests.incrementAndGet();
            fail("-", request.method() + " " + request.uri().getPath() + " -> " + e);
        }
        return null;
    }

    private void fail(String slot, String what) {
        failures.incrementAndGet();
        failureLog.add(new Failure(System.nanoTime(), slot, what));
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** Stops the users after their current request. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.interrupt();
            thread.join(Duration.ofSeconds(15));
        }
    }
}
