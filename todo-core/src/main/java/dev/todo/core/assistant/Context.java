package dev.todo.core.assistant;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the conversation so far tells the engine, derived afresh from the history on every step: the tasks
 * seen in tool results, the last numbered list shown (for "the first one"), the task last talked about
 * (for "it"), and the assistant's last reply with the user message that led to it (for pending questions).
 */
final class Context {

    private static final Set<String> MUTATING = Set.of("create_task", "update_task", "complete_task", "get_task");
    private static final Pattern ORDINAL = Pattern.compile("^(?:the\\s+|number\\s+|no\\.?\\s*|option\\s+|#)?"
            + "(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|sixth|6th|seventh|7th|eighth|8th|ninth|9th|tenth|10th"
            + "|last|final|bottom|top|one|two|three|four|five|six|seven|eight|nine|ten|\\d{1,2})"
            + "(?:\\s+(?:one|task|todo|item|on the list|in the list))?$", Pattern.CASE_INSENSITIVE);
    private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth", "sixth", "seventh",
            "eighth", "ninth", "tenth");
    private static final List<String> NUMBERS = List.of("one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten");

    final Map<Long, Map<String, Object>> known = new LinkedHashMap<>();
    /** The tasks seen in the history only, before this turn's calls (a list shown earlier keeps its tasks). */
    private final Map<Long, Map<String, Object>> seenBefore;
    final Turn lastAssistant;
    final String previousUser;
    /** The earlier user messages, latest first. */
    final List<String> earlierUser = new ArrayList<>();
    final List<Map<String, Object>> lastNumbered;
    final Map<String, Object> lastMentioned;

    Context(List<Turn> history, List<ToolCall> done) {
        Set<Long> deleted = new HashSet<>();
        for (Turn turn : history) {
            for (ToolCall call : turn.toolCalls()) {
                remember(call, deleted);
            }
        }
        seenBefore = new LinkedHashMap<>(known);
        for (ToolCall call : done) {
            remember(call, deleted);
        }
        Turn last = history.isEmpty() ? null : history.get(history.size() - 1);
        lastAssistant = last != null && last.role() == Role.ASSISTANT ? last : null;
        String prev = null;
        if (lastAssistant != null) {
            for (int i = history.size() - 2; i >= 0; i--) {
                if (history.get(i).role() == Role.USER) {
                    prev = history.get(i).text();
                    break;
                }
            }
        }
        previousUser = prev;
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).role() == Role.USER) {
                earlierUser.add(history.get(i).text());
            }
        }
        List<Map<String, Object>> numbered = List.of();
        Map<String, Object> mentioned = null;
        boolean mentionOpen = true;
        for (int i = history.size() - 1; i >= 0 && (numbered.isEmpty() || mentionOpen); i--) {
            Turn turn = history.get(i);
            if (turn.role() != Role.ASSISTANT) {
                continue;
            }
            List<Map<String, Object>> list = numbered(turn);
            if (numbered.isEmpty() && !list.isEmpty()) {
                numbered = list;
            }
            if (mentionOpen) {
                Map<String, Object> single = singleTask(turn, list);
                if (single != null) {
                    mentioned = single;
                    mentionOpen = false;
                } else if (list.size() > 1) {
                    mentionOpen = false;
                }
            }
        }
        lastNumbered = numbered;
        lastMentioned = mentioned == null ? null : latest(mentioned);
    }

    private void remember(ToolCall call, Set<Long> deleted) {
        if (call.error() || !(call.result() instanceof Map<?, ?> result)) {
            return;
        }
        if (result.get("task") instanceof Map<?, ?> task) {
            long id = id(task);
            if (call.name().equals("delete_task")) {
                known.remove(id);
                deleted.add(id);
            } else {
                known.put(id, cast(task));
            }
        }
        if (result.get("tasks") instanceof List<?> tasks) {
            for (Object t : tasks) {
                if (t instanceof Map<?, ?> task && !deleted.contains(id(task))) {
                    known.put(id(task), cast(task));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Map<?, ?> task) {
        return (Map<String, Object>) task;
    }

    static long id(Map<?, ?> task) {
        Object id = task.get("id");
        return id instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(id));
    }

    /** The most recent version of {@code task} seen, or the task itself. */
    Map<String, Object> latest(Map<String, Object> task) {
        return known.getOrDefault(id(task), task);
    }

    /** Every task found in the results of {@code calls}, in order, each once. */
    static List<Map<String, Object>> tasksIn(List<ToolCall> calls) {
        Map<Long, Map<String, Object>> out = new LinkedHashMap<>();
        for (ToolCall call : calls) {
            if (call.error() || !(call.result() instanceof Map<?, ?> result)) {
                continue;
            }
            if (result.get("tasks") instanceof List<?> tasks) {
                for (Object t : tasks) {
                    if (t instanceof Map<?, ?> task) {
                        out.putIfAbsent(id(task), cast(task));
                    }
                }
            }
            if (result.get("task") instanceof Map<?, ?> task) {
                out.putIfAbsent(id(task), cast(task));
            }
        }
        return new ArrayList<>(out.values());
    }

    /** The tasks of the numbered list in an assistant reply, matched by title to the tasks seen. */
    List<Map<String, Object>> numbered(Turn turn) {
        List<Map<String, Object>> pool = tasksIn(turn.toolCalls());
        pool.addAll(seenBefore.values());
        List<Map<String, Object>> out = new ArrayList<>();
        Set<Long> used = new HashSet<>();
        Matcher m = Replies.NUMBERED.matcher(turn.text());
        while (m.find()) {
            String title = m.group(2).strip();
            for (Map<String, Object> task : pool) {
                if (title.equals(Replies.title(task)) && used.add(id(task))) {
                    out.add(latest(task));
                    break;
                }
            }
        }
        return out;
    }

    private Map<String, Object> singleTask(Turn turn, List<Map<String, Object>> list) {
        List<ToolCall> calls = turn.toolCalls();
        for (int i = calls.size() - 1; i >= 0; i--) {
            ToolCall call = calls.get(i);
            if (MUTATING.contains(call.name()) && !call.error() && call.result() instanceof Map<?, ?> r
                    && r.get("task") instanceof Map<?, ?> task) {
                return cast(task);
            }
        }
        if (list.size() == 1) {
            return list.get(0);
        }
        Matcher confirm = Replies.CONFIRM_DELETE.matcher(turn.text());
        if (confirm.matches()) {
            return byTitle(confirm.group(1), tasksIn(calls));
        }
        return null;
    }

    /** The task titled {@code title} among {@code preferred}, else among all tasks seen; {@code null} if none. */
    Map<String, Object> byTitle(String title, List<Map<String, Object>> preferred) {
        for (Map<String, Object> task : preferred) {
            if (title.equals(Replies.title(task)) && known.containsKey(id(task))) {
                return latest(task);
            }
        }
        for (Map<String, Object> task : known.values()) {
            if (title.equals(Replies.title(task))) {
                return task;
            }
        }
        return null;
    }

    /**
     * The 0-based position meant by an ordinal phrase ("the first one", "2", "#3", "the last one") in a list of
     * {@code size} items, or -1 if the phrase is not an ordinal or is out of range.
     */
    static int ordinal(String phrase, int size) {
        Matcher m = ORDINAL.matcher(phrase.strip().replaceAll("[.!?]+$", ""));
        if (!m.matches()) {
            return -1;
        }
        String word = m.group(1).toLowerCase(Locale.ROOT);
        int index;
        if (word.equals("last") || word.equals("final") || word.equals("bottom")) {
            index = size - 1;
        } else if (word.equals("top")) {
            index = 0;
        } else if (word.matches("\\d+")) {
            index = Integer.parseInt(word) - 1;
        } else if (word.matches("\\d+(?:st|nd|rd|th)")) {
            index = Integer.parseInt(word.replaceAll("\\D", "")) - 1;
        } else if (ORDINALS.contains(word)) {
            index = ORDINALS.indexOf(word);
        } else {
            index = NUMBERS.indexOf(word);
        }
        return index >= 0 && index < size ? index : -1;
    }
}
