import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for the Todo server: creates users and their tasks, then has each virtual user call
 * the API for a fixed time (60% listings with filters and views, 25% creates, 15% updates), and prints
 * throughput and latency percentiles. With THINK_MS 0 users call back to back (the server's saturation);
 * otherwise each pauses a random 0.5 to 1.5 times THINK_MS between calls, as people do. Only talks to
 * 127.0.0.1 and stops by itself.
 *
 * java LoadTest.java PORT USERS WARMUP_SECONDS MEASURE_SECONDS [THINK_MS]
 */
public class LoadTest {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");
    private static final Pattern TASK_ID = Pattern.compile("\"id\":(\\d+)");
    private static final String[] LISTINGS = {
        "?limit=20", "?view=today", "?view=upcoming", "?status=pending&sort=priority",
        "?tags=work&sort=due_date", "?q=report", "?view=completed&limit=10", "?page=2&limit=20",
    };

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    LoadTest(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int users = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        int measure = Integer.parseInt(args[3]);
        int think = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        new LoadTest(port).run(users, warmup, measure, think);
    }

    private record User(String token, List<Long> tasks) {
    }

    private void run(int userCount, int warmupSeconds, int measureSeconds, int thinkMillis) throws Exception {
        List<User> users = new ArrayList<>();
        try (ExecutorService setup = Executors.newFixedThreadPool(8)) {
            List<java.util.concurrent.Future<User>> futures = new ArrayList<>();
            for (int i = 0; i < userCount; i++) {
                futures.add(setup.submit(this::newUser));
            }
            for (var future : futures) {
                users.add(future.get());
            }
        }
        long tasks = users.stream().mapToLong(u -> u.tasks().size()).sum();
        System.out.printf("setup: %d users, %d tasks%n", users.size(), tasks);

        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(warmupSeconds).toNanos();
        long end = measureFrom + Duration.ofSeconds(measureSeconds).toNanos();
        ConcurrentLinkedQueue<long[]> results = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        try (ExecutorService load = Executors.newVirtualThreadPerTaskExecutor()) {
            for (User user : users) {
                load.submit(() -> {
                    long[] latencies = new long[1 << 16];
                    int count = 0;
                    while (System.nanoTime() < end) {
                        long before = System.nanoTime();
                        int status = oneCall(user);
                        long after = System.nanoTime();
                        if (status >= 400) {
                            errors.incrementAndGet();
                        }
                        if (before >= measureFrom && after <= end) {
                            if (count == latencies.length) {
                                latencies = Arrays.copyOf(latencies, count * 2);
                            }
                            latencies[count++] = after - before;
                        }
                        if (thinkMillis > 0) {
                            Thread.sleep(ThreadLocalRandom.current().nextLong(thinkMillis / 2, thinkMillis * 3L / 2 + 1));
                        }
                    }
                    results.add(Arrays.copyOf(latencies, count));
                    return null;
                });
            }
        }
        long[] all = results.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("concurrent users: %d, %s, measured %d s after %d s warm-up%n", userCount,
                thinkMillis == 0 ? "no pause between calls" : "pausing about " + thinkMillis + " ms between calls",
                measureSeconds, warmupSeconds);
        System.out.printf("requests: %d, errors: %d, throughput: %.0f req/s%n", all.length, errors.get(),
                all.length / (double) measureSeconds);
        System.out.printf("latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n", percentile(all, 50),
                percentile(all, 95), percentile(all, 99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private User newUser() throws Exception {
        String email = "bench-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> registered = send("POST", "/api/v1/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"bench password\",\"name\":\"Bench\"}", null);
        Matcher token = ACCESS_TOKEN.matcher(registered.body());
        if (registered.statusCode() != 201 || !token.find()) {
            throw new IllegalStateException("register failed: " + registered.statusCode() + " " + registered.body());
        }
        User user = new User(token.group(1), new ArrayList<>());
        for (int i = 0; i < 20; i++) {
            user.tasks().add(create(user, i));
        }
        return user;
    }

    private long create(User user, int n) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String due = LocalDate.now().plusDays(random.nextInt(-3, 14)).toString();
        String body = "{\"title\":\"Task " + n + " report\",\"description\":\"load test\",\"priority\":\""
                + List.of("low", "medium", "high").get(random.nextInt(3)) + "\",\"dueDate\":\"" + due
                + "\",\"tags\":[\"" + (random.nextBoolean() ? "work" : "home") + "\"]}";
        HttpResponse<String> response = send("POST", "/api/v1/tasks", body, user.token());
        Matcher id = TASK_ID.matcher(response.body());
        if (response.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("create failed: " + response.statusCode() + " " + response.body());
        }
        return Long.parseLong(id.group(1));
    }

    private int oneCall(User user) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int dice = random.nextInt(100);
        if (dice < 60) {
            return send("GET", "/api/v1/tasks" + LISTINGS[random.nextInt(LISTINGS.length)], null, user.token())
                    .statusCode();
        }
        if (dice < 85) {
            create(user, random.nextInt(1000));
            return 201;
        }
        long id = user.tasks().get(random.nextInt(user.tasks().size()));
        String change = random.nextBoolean() ? "{\"status\":\"" + List.of("pending", "in_progress", "done")
                .get(random.nextInt(3)) + "\"}" : "{\"title\":\"Renamed " + random.nextInt(1000) + "\"}";
        return send("PATCH", "/api/v1/tasks/" + id, change, user.token()).statusCode();
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
