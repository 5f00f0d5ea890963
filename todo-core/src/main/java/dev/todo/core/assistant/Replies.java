package dev.todo.core.assistant;

import dev.todo.core.RecurFrom;
import dev.todo.core.Recurrence;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The texts the assistant answers with. Some of them are read back from the conversation history to know
 * what the assistant asked last, so their openings are fixed: {@link #ASK_DUE}, {@link #WHICH} and the
 * confirmation questions ({@link #CONFIRM_DELETE}, {@link #CONFIRM_BULK}).
 */
public final class Replies {

    /** The follow-up question for a bare "add a task to ..." request. */
    public static final String ASK_DUE = "When should I set this for?";
    /** How every "which task?" question starts; a numbered list of tasks follows. */
    public static final String WHICH = "Which task";
    /** A delete confirmation: "Delete 'Buy groceries'? Reply yes to confirm or no to keep it." */
    public static final Pattern CONFIRM_DELETE = Pattern.compile("^Delete '(.+)'\\? Reply yes to confirm or no to keep it\\.$");
    /** A confirmation for many tasks at once: "Mark these 3 tasks as done?" or "Delete these 3 tasks?". */
    public static final Pattern CONFIRM_BULK = Pattern.compile("(?m)^(Mark|Delete|Move|Set) (?:these|this) (\\d+) (?:remaining )?tasks?(?: as done| to (.+))?\\?$");
    /** One line of a numbered list of tasks: "2. Call mom" or "2. Call mom — due tomorrow, high priority". */
    public static final Pattern NUMBERED = Pattern.compile("(?m)^\\s*(\\d+)\\. (.+?)(?: — .*)?$");

    static final String HELP = """
            Here's what I can do:
            • Add a task: "remind me to buy groceries tomorrow", "urgent: fix production bug"
            • Show tasks: "what do I need to do today?", "what's overdue?", "show tasks tagged work"
            • Complete: "I bought the groceries", "mark the first one done"
            • Change: "move the meeting prep to Friday", "make it high priority", "rename X to Y"
            • Delete: "delete the dentist appointment" (I'll ask you to confirm first)
            • Details: "show me the groceries task\"""";

    private static final String HINT = "Try \"remind me to buy groceries tomorrow\" or \"what's on my plate today?\"";

    private Replies() {
    }

    static String chat(String kind, LocalDate today) {
        return switch (kind) {
            case "date" -> "Today is " + DatePhrases.describe(today, today.minusYears(1)).replaceFirst(", \\d{4}$", "")
                    + ". Want to see what's due? Ask \"what's on my plate today?\"";
            case "who" -> "I'm your task assistant, built into the app: I can add, list, update, complete and delete your tasks. Say \"help\" for examples.";
            case "greeting" -> "Hi! I'm your task assistant. " + HINT;
            case "feeling" -> "I'm doing great, thanks for asking! Want to see what's on your plate today?";
            case "thanks" -> "You're welcome! Anything else I can help with?";
            case "bye" -> "Bye! Your tasks will be here when you're back.";
            case "ack" -> "OK! Anything else? You can say \"help\" to see what I can do.";
            default -> "Sorry, I didn't quite get that. I can add, list, update, complete and delete tasks. "
                    + HINT + ", or say \"help\".";
        };
    }

    static String title(Map<String, Object> task) {
        return String.valueOf(task.get("title"));
    }

    /** "every week on Monday", "every 2 weeks after completion": the task's repeat (else the one asked for) in words. */
    static String repeat(Map<String, Object> task, Interpretation asked) {
        Object rule = task.get("recurrence") != null ? task.get("recurrence") : asked == null ? null : asked.recurrence();
        Object from = task.get("recurrence") != null ? task.get("recur_from") : asked == null ? null : asked.recurFrom();
        if (rule == null) {
            return "as asked";
        }
        String words = Recurrence.parse(String.valueOf(rule)).describe(RecurFrom.fromWireName(from == null ? "due" : String.valueOf(from)));
        return Character.toLowerCase(words.charAt(0)) + words.substring(1);
    }

    /** "30 minutes", "1 hour", "90 minutes", "2 days". */
    static String minutes(int minutes) {
        if (minutes > 0 && minutes % (24 * 60) == 0) {
            int days = minutes / (24 * 60);
            return days + (days == 1 ? " day" : " days");
        }
        if (minutes > 0 && minutes % 60 == 0) {
            int hours = minutes / 60;
            return hours + (hours == 1 ? " hour" : " hours");
        }
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }

    static LocalDate due(Map<String, Object> task) {
        Object due = task.get("due_date");
        return due == null ? null : LocalDate.parse(String.valueOf(due));
    }

    static String created(Map<String, Object> task, LocalDate today) {
        StringBuilder text = new StringBuilder("I've created a task '").append(title(task)).append("'");
        LocalDate due = due(task);
        if (due != null) {
            text.append(' ').append(DatePhrases.due(due, today));
        }
        if (due != null && task.get("due_time") != null) {
            text.append(" at ").append(task.get("due_time"));
        }
        String priority = String.valueOf(task.get("priority"));
        if (!priority.equals("medium")) {
            text.append(" with ").append(priority).append(" priority");
        }
        text.append('.');
        if (task.get("recurrence") != null) {
            text.append(" It repeats ").append(repeat(task, null)).append('.');
        }
        if (task.get("reminder_minutes_before") instanceof Number n) {
            text.append(" I'll remind you ").append(minutes(n.intValue())).append(" before.");
        }
        List<?> tags = (List<?>) task.get("tags");
        if (tags != null && !tags.isEmpty()) {
            text.append(" Tags: ").append(String.join(", ", tags.stream().map(String::valueOf).toList())).append('.');
        }
        return text.toString();
    }

    /** "1. Buy groceries — due today, high priority" lines. */
    static String numbered(List<Map<String, Object>> tasks, LocalDate today, boolean details) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            Map<String, Object> task = tasks.get(i);
            String line = (i + 1) + ". " + title(task);
            if (details) {
                List<String> parts = new ArrayList<>();
                LocalDate due = due(task);
                if (due != null) {
                    parts.add(DatePhrases.due(due, today) + (due.isBefore(today) && !"done".equals(task.get("status")) ? " (overdue)" : ""));
                }
                if (!"medium".equals(task.get("priority"))) {
                    parts.add(task.get("priority") + " priority");
                }
                if ("done".equals(task.get("status"))) {
                    parts.add("done");
                }
                if (!parts.isEmpty()) {
                    line += " — " + String.join(", ", parts);
                }
            }
            lines.add(line);
        }
        return String.join("\n", lines);
    }

    static String and(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    static String tasks(int n) {
        return n == 1 ? "1 task" : n + " tasks";
    }

    /** The summary of a listing: count, high-priority ones, overdue ones, then the numbered list. */
    static String summary(ListQuery query, List<Map<String, Object>> tasks, int total, LocalDate today) {
        String scope = query.scope();
        String adjective = query.priority() == null ? "" : query.priority() + "-priority ";
        String tagged = query.tags().isEmpty() ? "" : " tagged " + String.join(" and ", query.tags());
        if (total == 0) {
            String what = switch (scope) {
                case "completed" -> "You haven't completed any " + adjective + "tasks" + tagged + " yet.";
                case "overdue" -> "Nothing is overdue" + (adjective + tagged).stripTrailing() + " — nice work!";
                case "" -> "You don't have any open " + adjective + "tasks" + tagged + ".";
                default -> "You have no " + adjective + "tasks" + tagged + " " + scopeWords(scope) + ".";
            };
            return what + " Want to add one? Try \"remind me to buy groceries tomorrow\".";
        }
        StringBuilder text = new StringBuilder();
        if (scope.equals("completed")) {
            text.append("You've completed ").append(total).append(' ').append(adjective)
                    .append(total == 1 ? "task" : "tasks").append(tagged).append('.');
        } else if (scope.equals("overdue")) {
            text.append("You have ").append(total).append(" overdue ").append(adjective)
                    .append(total == 1 ? "task" : "tasks").append(tagged).append('.');
        } else {
            text.append("You have ").append(total).append(' ').append(scope.isEmpty() ? "open " : "").append(adjective)
                    .append(total == 1 ? "task" : "tasks").append(tagged)
                    .append(scope.isEmpty() ? "" : " " + scopeWords(scope)).append('.');
        }
        if (query.priority() == null && !scope.equals("completed")) {
            List<String> high = tasks.stream().filter(t -> "high".equals(t.get("priority"))).map(Replies::title).toList();
            if (!high.isEmpty()) {
                text.append(' ').append(high.size() == 1 ? "1 is high priority: " : high.size() + " are high priority: ")
                        .append(and(high)).append('.');
            }
        }
        if (!scope.equals("overdue") && !scope.equals("completed")) {
            List<String> late = tasks.stream().filter(t -> due(t) != null && due(t).isBefore(today)
                    && !"done".equals(t.get("status"))).map(Replies::title).toList();
            if (!late.isEmpty()) {
                text.append(' ').append(late.size() == 1 ? "1 is overdue: " : late.size() + " are overdue: ")
                        .append(and(late)).append('.');
            }
        }
        List<Map<String, Object>> shown = tasks.subList(0, Math.min(tasks.size(), 20));
        text.append('\n').append(numbered(shown, today, true));
        if (total > shown.size()) {
            text.append("\n…and ").append(total - shown.size()).append(" more.");
        }
        return text.toString();
    }

    private static String scopeWords(String scope) {
        return switch (scope) {
            case "today" -> "today";
            case "this week" -> "coming up this week";
            case "in total" -> "in total";
            case "in progress" -> "in progress";
            default -> scope;
        };
    }

    static String details(Map<String, Object> task, LocalDate today) {
        StringBuilder text = new StringBuilder("Task #").append(task.get("id")).append(": '").append(title(task)).append("'\n");
        text.append("Status: ").append(String.valueOf(task.get("status")).replace('_', ' ')).append('\n');
        LocalDate due = due(task);
        text.append("Due: ").append(due == null ? "no due date" : DatePhrases.describe(due, today)
                + (task.get("due_time") != null ? " at " + task.get("due_time") : "")
                + (due.isBefore(today) && !"done".equals(task.get("status")) ? " (overdue)" : "")).append('\n');
        if (task.get("recurrence") != null) {
            text.append("Repeats: ").append(repeat(task, null)).append('\n');
        }
        if (task.get("reminder_minutes_before") instanceof Number n) {
            text.append("Reminder: ").append(minutes(n.intValue())).append(" before\n");
        }
        text.append("Priority: ").append(task.get("priority"));
        List<?> tags = (List<?>) task.get("tags");
        if (tags != null && !tags.isEmpty()) {
            text.append("\nTags: ").append(String.join(", ", tags.stream().map(String::valueOf).toList()));
        }
        if (task.get("description") != null) {
            text.append("\nNote: ").append(task.get("description"));
        }
        return text.toString();
    }
}
