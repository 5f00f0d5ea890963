package dev.todo.core.assistant;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test conversation: drives {@link LocalEngine} the way the server does, looping next() until a reply,
 * running each call on {@link InMemoryTools}, and recording the turns as history for the next message.
 */
final class Conversation {

    final InMemoryTools tools;
    final LocalDate today;
    final LocalEngine engine = new LocalEngine();
    final List<Turn> history = new ArrayList<>();
    List<ToolCall> lastCalls = List.of();

    Conversation(List<Map<String, Object>> tasks, LocalDate today) {
        this.tools = new InMemoryTools(tasks, today);
        this.today = today;
    }

    /** A conversation over the given task titles (ids 1, 2, ...), all pending, no due date. */
    static Conversation withTitles(LocalDate today, String... titles) {
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (int i = 0; i < titles.length; i++) {
            tasks.add(task(i + 1, titles[i], null, "medium", "pending"));
        }
        return new Conversation(tasks, today);
    }

    static Map<String, Object> task(long id, String title, String due, String priority, String status) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("id", id);
        task.put("title", title);
        task.put("due_date", due);
        task.put("priority", priority);
        task.put("status", status);
        task.put("tags", List.of());
        return task;
    }

    /** Sends {@code message}; returns the reply. The calls made are in {@link #lastCalls}. */
    String say(String message) {
        List<ToolCall> done = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Step step = engine.next(List.copyOf(history), message, List.copyOf(done), today);
            if (step instanceof Step.Reply reply) {
                if (done.size() > LocalEngine.MAX_CALLS) {
                    throw new AssertionError("more than " + LocalEngine.MAX_CALLS + " calls: " + done);
                }
                history.add(Turn.user(message));
                history.add(Turn.assistant(reply.text(), done));
                lastCalls = done;
                return reply.text();
            }
            Step.Call call = (Step.Call) step;
            done.add(tools.execute(call.name(), call.arguments()));
        }
        throw new AssertionError("no reply after 20 steps: " + done);
    }

    /** The calls of the last turn that changed something (not list/get/search). */
    List<ToolCall> changes() {
        return lastCalls.stream().filter(c -> !c.name().startsWith("list") && !c.name().startsWith("get")
                && !c.name().startsWith("search")).toList();
    }

    ToolCall onlyChange() {
        List<ToolCall> changes = changes();
        if (changes.size() != 1) {
            throw new AssertionError("expected one change, got " + lastCalls);
        }
        return changes.get(0);
    }

    Map<String, Object> task(String title) {
        return tools.tasks().stream().filter(t -> title.equals(t.get("title"))).findFirst().orElse(null);
    }
}
