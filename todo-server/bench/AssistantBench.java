import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for Phase III (NFR-3.1: an answer in under 3 s, a tool call in under 500 ms). Each virtual
 * user has 20 tasks, then for a fixed time either
 * <ul>
 *   <li>{@code chat}: talks to the assistant (built-in engine) over the streaming chat API, a mix of
 *       listings, new tasks, completions, updates and questions, 10 messages a conversation; measured: the
 *       time to the first text chunk and to the end of the answer (which includes every tool call the
 *       agent makes through MCP), or</li>
 *   <li>{@code mcp}: calls the MCP tools directly, as an AI client would (list, search, get, create,
 *       update); measured: each call.</li>
 * </ul>
 * Prints throughput and latency percentiles. Only talks to 127.0.0.1 and stops by itself.
 *
 * java AssistantBench.java PORT chat|mcp USERS WARMUP_SECONDS MEASURE_SECONDS
 */
public class AssistantBench {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");
    private static final Pattern CONVERSATION = Pattern.compile("\"conversationId\":\"([^\"]+)\"");
    private static final Pattern TASK_ID = Pattern.compile("\"id\":(\\d+)");
    private static final String[] MESSAGES = {
        "what do I need to do today?", "remind me to call the dentist tomorrow", "what's overdue?",
        "I finished the report 3 task", "move task 5 report to friday", "urgent: fix the login page",
        "anything high priority this week?", "show me the details of task 7 report", "help",
        "email John about the project meeting on Monday",
    };

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    AssistantBench(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public static void main(String[] args) throws Exception {
        new AssistantBench(Integer.parseInt(args[0])).run(args[1], Integer.parseInt(args[2]),
                Integer.parseInt(args[3]), Integer.parseInt(args[4]));
    }

    private record User(String token, List<Long> tasks) {
    }

    /** One measured call: its total time, and for chat the time to the first text chunk. */
    private record Sample(long total, long firstText) {
    }

    private void run(String mode, int userCount, int warmupSeconds, int measureSeconds) throws Exception {
        List<User> users = new ArrayList<>();
        try (ExecutorService setup = Executors.newFixedThreadPool(8)) {
            List<Future<User>> futures = new ArrayList<>();
            for (int i = 0; i < userCount; i++) {
                futures.add(setup.submit(this::newUser));
            }
            for (Future<User> future : futures) {
                users.add(future.get());
            }
        }
        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(warmupSeconds).toNanos();
        long end = measureFrom + Duration.ofSeconds(measureSeconds).toNanos();
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        try (ExecutorService load = Executors.newVirtualThreadPerTaskExecutor()) {
            for (User user : users) {
                load.submit(() -> {
                    String conversation = null;
                    int turn = 0;
                    while (System.nanoTime() < end) {
                        long before = System.nanoTime();
                        long firstText;
                        boolean ok;
                        if (mode.equals("chat")) {
                            if (turn++ % 10 == 0) {
                                conversation = null;
                            }
                            Chat chat = chat(user, conversation, MESSAGES[ThreadLocalRandom.current().nextInt(MESSAGES.length)]);
                            conversation = chat.conversationId();
                            firstText = chat.firstText() - before;
                            ok = chat.done();
                        } else {
                            ok = mcpCall(user);
                            firstText = 0;
                        }
                        long after = System.nanoTime();
                        if (!ok) {
                            errors.incrementAndGet();
                        }
                        if (before >= measureFrom && after <= end) {
                            samples.add(new Sample(after - before, firstText));
                        }
                    }
                    return null;
                });
            }
        }
        long[] totals = samples.stream().mapToLong(Sample::total).sorted().toArray();
        System.out.printf("%s: %d concurrent users, no pause, measured %d s after %d s warm-up%n",
                mode.equals("chat") ? "chat (built-in engine, streamed)" : "MCP tool calls", userCount,
                measureSeconds, warmupSeconds);
        System.out.printf("%s: %d, errors: %d, throughput: %.1f/s%n", mode.equals("chat") ? "answers" : "calls",
                totals.length, errors.get(), totals.length / (double) measureSeconds);
        if (mode.equals("chat")) {
            long[] first = samples.stream().mapToLong(Sample::firstText).sorted().toArray();
            print("first text ms", first);
        }
        print(mode.equals("chat") ? "whole answer ms" : "latency ms", totals);
    }

    private static void print(String label, long[] sorted) {
        System.out.printf("%s: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n", label, percentile(sorted, 50),
                percentile(sorted, 95), percentile(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.max(0, (int) Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
    }

    private record Chat(String conversationId, long firstText, boolean done) {
    }

    /** One streamed answer: reads the events as they come, notes when the first text arrives. */
    private Chat chat(User user, String conversationId, String message) throws Exception {
        String body = "{\"message\":\"" + message + "\"" + (conversationId == null ? "" : ",\"conversationId\":\""
                + conversationId + "\"") + "}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/chat")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + user.token()).header("Content-Type", "application/json")
                .header("Accept", "text/event-stream").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<java.util.stream.Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        long firstText = 0;
        boolean done = false;
        String conversation = conversationId;
        Iterator<String> lines = response.body().iterator();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.equals("event: delta") && firstText == 0) {
                firstText = System.nanoTime();
            } else if (line.equals("event: done")) {
                done = true;
            } else if (line.startsWith("data: ") && conversation == null) {
                Matcher id = CONVERSATION.matcher(line);
                conversation = id.find() ? id.group(1) : null;
            }
        }
        return new Chat(conversation, firstText == 0 ? System.nanoTime() : firstText, response.statusCode() == 200 && done);
    }

    private boolean mcpCall(User user) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long id = user.tasks().get(random.nextInt(user.tasks().size()));
        String call = switch (random.nextInt(5)) {
            case 0 -> "\"list_tasks\",\"arguments\":{\"view\":\"today\"}";
            case 1 -> "\"search_tasks\",\"arguments\":{\"query\":\"report\"}";
            case 2 -> "\"get_task\",\"arguments\":{\"task_id\":\"" + id + "\"}";
            case 3 -> "\"create_task\",\"arguments\":{\"title\":\"Bench task\",\"priority\":\"low\"}";
            default -> "\"update_task\",\"arguments\":{\"task_id\":\"" + id + "\",\"priority\":\"high\"}";
        };
        HttpResponse<String> response = send("POST", "/mcp",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":" + call + "}}", user.token());
        return response.statusCode() == 200 && response.body().contains("\"isError\":false");
    }

    private User newUser() throws Exception {
        HttpResponse<String> registered = send("POST", "/api/v1/auth/register", "{\"email\":\"bench-" + UUID.randomUUID()
                + "@example.com\",\"password\":\"bench password\",\"name\":\"Bench\"}", null);
        Matcher token = ACCESS_TOKEN.matcher(registered.body());
        if (registered.statusCode() != 201 || !token.find()) {
            throw new IllegalStateException("register failed: " + registered.statusCode() + " " + registered.body());
        }
        User user = new User(token.group(1), new ArrayList<>());
        for (int i = 0; i < 20; i++) {
            String due = LocalDate.now().plusDays(ThreadLocalRandom.current().nextInt(-3, 14)).toString();
            HttpResponse<String> created = send("POST", "/api/v1/tasks", "{\"title\":\"Task " + i + " report\",\"dueDate\":\""
                    + due + "\",\"priority\":\"" + List.of("low", "medium", "high").get(i % 3) + "\"}", user.token());
            Matcher id = TASK_ID.matcher(created.body());
            if (created.statusCode() != 201 || !id.find()) {
                throw new IllegalStateException("create failed: " + created.statusCode() + " " + created.body());
            }
            user.tasks().add(Long.parseLong(id.group(1)));
        }
        return user;
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
