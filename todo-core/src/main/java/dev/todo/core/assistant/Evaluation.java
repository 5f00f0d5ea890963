package dev.todo.core.assistant;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Measures the engine on a labelled set of messages (JSON Lines): each message is run as one turn against
 * {@link InMemoryTools} over the fixture tasks, the intent and entities are read off the tool calls made,
 * and compared with the expected ones. Prints per-intent and per-entity accuracy and the misses.
 *
 * <p>Run: {@code ./todo eval [file.jsonl]}; without a file, the bundled dev set.
 */
public final class Evaluation {

    /** The default "today" of a set: Wednesday 2026-11-18. */
    public static final LocalDate DEFAULT_TODAY = LocalDate.of(2026, 11, 18);
    static final List<String> ENTITIES = List.of("title", "due_date", "priority", "tags", "task", "recurrence", "recur_from");

    /** One message's outcome. */
    public record Outcome(String message, String expectedIntent, String intent, Map<String, Boolean> entities,
            Map<String, Object> expected, Map<String, Object> actual) {

        public boolean intentCorrect() {
            return expectedIntent.equals(intent);
        }

        public boolean allCorrect() {
            return intentCorrect() && entities.values().stream().allMatch(b -> b);
        }
    }

    /** The figures of a run. */
    public record Result(List<Outcome> outcomes) {

        public double intentAccuracy() {
            return ratio(outcomes.stream().filter(Outcome::intentCorrect).count(), outcomes.size());
        }

        public double entityAccuracy() {
            long total = outcomes.stream().mapToLong(o -> o.entities().size()).sum();
            long right = outcomes.stream().mapToLong(o -> o.entities().values().stream().filter(b -> b).count()).sum();
            return ratio(right, total);
        }

        private static double ratio(long a, long b) {
            return b == 0 ? 1.0 : (double) a / b;
        }
    }

    private Evaluation() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && !Files.isReadable(Path.of(args[0]))) {
            System.err.println("eval: cannot read " + args[0] + " (expected a JSON Lines file, see docs/assistant.md)");
            System.exit(2);
        }
        String lines = args.length > 0 ? Files.readString(Path.of(args[0]), StandardCharsets.UTF_8) : resource("dev-set.jsonl");
        long start = System.nanoTime();
        Result result = run(lines);
        print(result, System.out);
        System.out.printf(Locale.ROOT, "(%d messages in %d ms)%n", result.outcomes().size(), (System.nanoTime() - start) / 1_000_000);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = Evaluation.class.getResourceAsStream("/assistant/" + name)) {
            if (in == null) {
                throw new IOException("missing resource assistant/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The fixture tasks every message is evaluated against. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> fixture() throws IOException {
        return (List<Map<String, Object>>) Json.parse(resource("tasks.json"));
    }

    /** Evaluates every non-blank line of a JSON Lines set; a "today" field on the first line sets the date. */
    @SuppressWarnings("unchecked")
    public static Result run(String jsonLines) throws IOException {
        List<Map<String, Object>> fixture = fixture();
        LocalDate today = DEFAULT_TODAY;
        List<Outcome> outcomes = new ArrayList<>();
        boolean first = true;
        for (String line : jsonLines.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> example = (Map<String, Object>) Json.parse(line);
            if (first && example.get("today") != null) {
                today = LocalDate.parse(String.valueOf(example.get("today")));
            }
            first = false;
            if (example.get("message") != null) {
                outcomes.add(evaluate(example, fixture, today));
            }
        }
        return new Result(outcomes);
    }

    static Outcome evaluate(Map<String, Object> example, List<Map<String, Object>> fixture, LocalDate today) {
        String message = String.valueOf(example.get("message"));
        InMemoryTools tools = new InMemoryTools(fixture, today);
        LocalEngine engine = new LocalEngine();
        List<ToolCall> done = new ArrayList<>();
        String reply = "";
        for (int i = 0; i <= LocalEngine.MAX_CALLS; i++) {
            Step step = engine.next(List.of(), message, done, today);
            if (step instanceof Step.Reply r) {
                reply = r.text();
                break;
            }
            Step.Call call = (Step.Call) step;
            done.add(tools.execute(call.name(), call.arguments()));
        }
        Map<String, Object> actual = observed(engine.interpret(message, today), done, reply, fixture, today);
        Map<String, Object> expected = new LinkedHashMap<>(example);
        if (expected.containsKey("task_id")) {
            expected.put("task", titleOf(fixture, String.valueOf(expected.get("task_id"))));
        }
        Map<String, Boolean> entities = new LinkedHashMap<>();
        for (String entity : ENTITIES) {
            if (expected.containsKey(entity)) {
                entities.put(entity, same(entity, expected.get(entity), actual.get(entity)));
            }
        }
        return new Outcome(message, String.valueOf(example.get("intent")), String.valueOf(actual.get("intent")), entities,
                expected, actual);
    }

    /**
     * The intent and entities shown by a turn. The intent is that of the first change made (create_task,
     * complete_task, delete_task, update_task: status pending alone is a reopen, status done a completion),
     * else of a question the engine asked to go on (delete confirmation, which task, when), else a lookup
     * (get_task: get; list_tasks or search_tasks: list), else the engine's reading of the message (help, chat).
     */
    static Map<String, Object> observed(Interpretation in, List<ToolCall> done, String reply, List<Map<String, Object>> fixture,
            LocalDate today) {
        Map<String, Object> actual = new LinkedHashMap<>();
        for (ToolCall call : done) {
            Map<String, Object> args = call.arguments();
            String intent = switch (call.name()) {
                case "create_task" -> "create";
                case "complete_task" -> "complete";
                case "delete_task" -> "delete";
                case "update_task" -> "pending".equals(args.get("status")) && args.size() == 2 ? "reopen"
                        : "done".equals(args.get("status")) && args.size() == 2 ? "complete" : "update";
                default -> null;
            };
            if (intent != null) {
                actual.put("intent", intent);
                actual.put("title", args.get("title"));
                actual.put("due_date", args.get("due_date"));
                actual.put("priority", args.get("priority"));
                actual.put("tags", args.get("tags"));
                actual.put("recurrence", args.get("recurrence"));
                actual.put("recur_from", args.get("recur_from"));
                if (args.get("task_id") != null) {
                    actual.put("task", titleOf(fixture, String.valueOf(args.get("task_id"))));
                }
                return actual;
            }
        }
        var confirm = Replies.CONFIRM_DELETE.matcher(reply);
        boolean asking = confirm.matches() || reply.startsWith(Replies.WHICH) || reply.equals(Replies.ASK_DUE)
                || Replies.CONFIRM_BULK.matcher(reply).find();
        if (asking || done.isEmpty()) {
            actual.put("intent", in.intent().wireName());
            actual.put("title", in.intent() == Intent.CREATE || in.intent() == Intent.UPDATE ? in.title() : null);
            actual.put("due_date", in.dueDate() == null ? null : in.dueDate().toString());
            actual.put("priority", in.intent() == Intent.LIST && in.query() != null ? in.query().priority() : in.priority());
            actual.put("tags", in.tags());
            actual.put("recurrence", in.recurrence());
            actual.put("recur_from", in.recurFrom());
            if (confirm.matches()) {
                actual.put("task", confirm.group(1));
            }
            return actual;
        }
        ToolCall first = done.stream().filter(c -> c.name().equals("get_task")).findFirst().orElse(done.get(0));
        actual.put("intent", first.name().equals("get_task") ? "get" : "list");
        if (first.name().equals("get_task")) {
            actual.put("task", titleOf(fixture, String.valueOf(first.arguments().get("task_id"))));
        } else {
            actual.put("priority", first.arguments().get("priority"));
            actual.put("tags", first.arguments().get("tags"));
            actual.put("due_date", listedDay(first.arguments(), today));
        }
        return actual;
    }

    /** The one day a listing is about ("what's due tomorrow?", "today"), or {@code null}. */
    static String listedDay(Map<String, Object> args, LocalDate today) {
        if ("today".equals(args.get("view"))) {
            return today.toString();
        }
        Object after = args.get("due_after");
        Object before = args.get("due_before");
        if (after != null && before != null
                && LocalDate.parse(String.valueOf(after)).plusDays(2).equals(LocalDate.parse(String.valueOf(before)))) {
            return LocalDate.parse(String.valueOf(after)).plusDays(1).toString();
        }
        return null;
    }

    private static String titleOf(List<Map<String, Object>> fixture, String id) {
        for (Map<String, Object> task : fixture) {
            if (String.valueOf(task.get("id")).equals(id)) {
                return String.valueOf(task.get("title"));
            }
        }
        return "#" + id;
    }

    static boolean same(String entity, Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == actual || (entity.equals("tags") && expected instanceof List<?> l && l.isEmpty() && actual == null);
        }
        if (entity.equals("tags")) {
            Set<String> a = new LinkedHashSet<>();
            ((List<?>) expected).forEach(t -> a.add(String.valueOf(t).toLowerCase(Locale.ROOT)));
            Set<String> b = new LinkedHashSet<>();
            if (actual instanceof List<?> list) {
                list.forEach(t -> b.add(String.valueOf(t).toLowerCase(Locale.ROOT)));
            }
            return a.equals(b);
        }
        return normal(expected).equals(normal(actual));
    }

    private static String normal(Object value) {
        return String.valueOf(value).toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}&&[^-]]", "").replaceAll("\\s+", " ").strip();
    }

    /** Prints the table of figures and the first 30 misses. */
    public static void print(Result result, PrintStream out) {
        List<Outcome> outcomes = result.outcomes();
        out.println("Intent       count  correct  accuracy");
        for (Intent intent : Intent.values()) {
            String name = intent.wireName();
            long count = outcomes.stream().filter(o -> o.expectedIntent().equals(name)).count();
            if (count == 0) {
                continue;
            }
            long correct = outcomes.stream().filter(o -> o.expectedIntent().equals(name) && o.intentCorrect()).count();
            out.printf(Locale.ROOT, "%-12s %5d  %7d  %7.1f%%%n", name, count, correct, 100.0 * correct / count);
        }
        out.printf(Locale.ROOT, "%-12s %5d  %7d  %7.1f%%%n", "ALL", outcomes.size(),
                outcomes.stream().filter(Outcome::intentCorrect).count(), 100 * result.intentAccuracy());
        out.println();
        out.println("Entity       count  correct  accuracy");
        long total = 0;
        for (String entity : ENTITIES) {
            long count = outcomes.stream().filter(o -> o.entities().containsKey(entity)).count();
            long correct = outcomes.stream().filter(o -> Boolean.TRUE.equals(o.entities().get(entity))).count();
            total += count;
            if (count > 0) {
                out.printf(Locale.ROOT, "%-12s %5d  %7d  %7.1f%%%n", entity, count, correct, 100.0 * correct / count);
            }
        }
        out.printf(Locale.ROOT, "%-12s %5d  %7s  %7.1f%%%n", "ALL", total, "", 100 * result.entityAccuracy());
        List<Outcome> misses = outcomes.stream().filter(o -> !o.allCorrect()).toList();
        out.println();
        out.println("Misses: " + misses.size());
        for (Outcome o : misses) {
            StringBuilder why = new StringBuilder();
            if (!o.intentCorrect()) {
                why.append(" intent ").append(o.intent()).append(" (expected ").append(o.expectedIntent()).append(')');
            }
            o.entities().forEach((entity, ok) -> {
                if (!ok) {
                    why.append(' ').append(entity).append(' ').append(o.actual().get(entity))
                            .append(" (expected ").append(o.expected().get(entity)).append(')');
                }
            });
            out.println("  \"" + o.message() + "\":" + why);
        }
    }
}
