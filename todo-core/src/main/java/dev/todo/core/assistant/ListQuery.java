package dev.todo.core.assistant;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which tasks a question is about ("what's overdue?", "anything high priority this week?", "show tasks
 * tagged work"), as list_tasks filters, plus the words that describe the selection in a reply.
 *
 * @param view     "today", "upcoming", "completed" or {@code null}
 * @param status   "pending", "in_progress", "done", "all" or {@code null} (the tool's default, pending)
 * @param scope    how the reply names the selection: "today", "overdue", "due tomorrow", "this week", ...
 */
public record ListQuery(String view, String status, String priority, LocalDate dueBefore, LocalDate dueAfter,
        List<String> tags, String scope) {

    private static final Pattern TAGGED = Pattern.compile(
            "(?:tagged(?:\\s+(?:with|as))?|tag|labell?ed(?:\\s+(?:with|as))?|label|with (?:the )?tag|under)\\s+#?([\\p{L}][\\p{L}\\p{N}_-]*)|#([\\p{L}][\\p{L}\\p{N}_-]*)");
    private static final Pattern TAG_WORD = Pattern.compile("\\b(" + String.join("|", Tags.vocabulary())
            + ")(?:-related)?\\s+(?:tasks?|todos?|stuff|things|items|errands|list)\\b");

    /** The filters asked for in the lower-case {@code text}; with nothing specific, open (pending) tasks. */
    public static ListQuery parse(String text, LocalDate today) {
        String view = null;
        String status = null;
        String scope = "";
        LocalDate before = null;
        LocalDate after = null;
        if (has(text, "\\b(?:what did i (?:finish|complete|do|get done|accomplish)|(?:finished|completed|done|accomplished|closed|ticked off|checked off)"
                + "(?: tasks?| todos?| items?| ones| stuff| things)?(?! (?:yet|today|by|on))\\b|have i (?:finished|completed|done)|did i (?:finish|complete))")
                && !has(text, "\\b(?:including|incl|with|plus|and|even)\\s+(?:the\\s+)?(?:completed|done|finished)\\b|\\bnot (?:done|finished|completed)\\b|\\b(?:need|have) to do\\b|\\bto get done\\b|\\bleft\\b")) {
            view = "completed";
            scope = "completed";
        } else if (has(text, "\\b(?:overdue|late|past due|missed|behind|slipped)\\b")) {
            before = today;
            scope = "overdue";
        } else if (has(text, "\\b(?:today|tonight|plate|my day|this morning|this afternoon|this evening|right now|agenda for today|for the day|daily)\\b")) {
            view = "today";
            scope = "today";
        } else if (has(text, "\\b(?:this week|upcoming|coming up|next few days|next 7 days|next seven days|rest of the week|week ahead|soon|later this week|(?:my|the) week|week look(?:s|ing)?)\\b")) {
            view = "upcoming";
            scope = "this week";
        } else if (has(text, "\\bnext (?:\\d{1,2}|two|three|four|five|six|seven|ten|few|couple of) days\\b")) {
            Matcher n = Pattern.compile("\\bnext (\\d{1,2}|two|three|four|five|six|seven|ten|few|couple of) days\\b").matcher(text);
            n.find();
            int days = switch (n.group(1)) {
                case "two", "couple of" -> 2;
                case "three", "few" -> 3;
                case "four" -> 4;
                case "five" -> 5;
                case "six" -> 6;
                case "seven" -> 7;
                case "ten" -> 10;
                default -> Integer.parseInt(n.group(1));
            };
            after = today.minusDays(1);
            before = today.plusDays(days + 1L);
            scope = "due in the next " + days + " days";
        } else if (has(text, "\\bnext week\\b")) {
            LocalDate monday = DatePhrases.nextWeek(today);
            after = monday.minusDays(1);
            before = monday.plusDays(7);
            scope = "due next week";
        } else {
            var date = DatePhrases.find(text, today);
            if (date.isPresent()) {
                LocalDate day = date.get().date();
                String phrase = text.substring(date.get().start(), date.get().end()).replaceFirst("^due\\s+", "");
                String words = DatePhrases.describe(day, today);
                if (phrase.startsWith("before")) {
                    before = day;
                    scope = "due before " + words;
                } else if (phrase.matches("^(?:by|until|till|no later than)\\b.*")) {
                    before = day.plusDays(1);
                    scope = "due by " + words;
                } else if (text.substring(0, date.get().start()).matches(".*\\b(?:after|from)\\s*$")) {
                    after = day;
                    scope = "due after " + words;
                } else {
                    after = day.minusDays(1);
                    before = day.plusDays(1);
                    scope = DatePhrases.due(day, today);
                }
            }
        }
        if (view == null && has(text, "\\bin[ -]progress\\b|\\bstarted\\b|\\bworking on\\b")) {
            status = "in_progress";
            scope = scope.isEmpty() ? "in progress" : scope;
        } else if (view == null && status == null && has(text, "\\b(?:all|every|everything|entire|whole)\\b|\\b(?:including|incl|with|plus|even)\\s+(?:the\\s+)?(?:completed|done|finished)\\b")
                && scope.isEmpty()) {
            status = "all";
            scope = "in total";
        }
        String priority = null;
        String unsorted = text.replaceAll("\\b(?:sorted|ordered|sort|order|grouped|group)\\s+by\\s+priority\\b|\\bby priority\\b", "");
        if (has(unsorted, "\\b(?:high|top|highest)[ -]?priority\\b|\\burgent\\b|\\bimportant\\b|\\bcritical\\b|\\bpriority\\b(?! (?:low|medium))|\\bpriorities\\b")) {
            priority = "high";
        }
        if (has(text, "\\blow[ -]?priority\\b|\\bnot urgent\\b|\\bunimportant\\b")) {
            priority = "low";
        } else if (has(text, "\\b(?:medium|normal)[ -]?priority\\b")) {
            priority = "medium";
        }
        List<String> tags = new java.util.ArrayList<>();
        Matcher m = TAGGED.matcher(text);
        while (m.find()) {
            String tag = m.group(1) != null ? m.group(1) : m.group(2);
            if (!List.of("as", "it", "with", "the", "a").contains(tag)) {
                tags.add(tag);
            }
        }
        m = TAG_WORD.matcher(text);
        while (m.find()) {
            if (!tags.contains(m.group(1))) {
                tags.add(m.group(1));
            }
        }
        return new ListQuery(view, status, priority, before, after, List.copyOf(tags), scope);
    }

    private static boolean has(String text, String regex) {
        return Pattern.compile(regex).matcher(text).find();
    }

    /**
     * True when the question is about open tasks without naming a status: the engine then lists every status
     * and leaves out the done ones itself, so tasks in progress count as open.
     */
    public boolean openOnly() {
        return view == null && status == null;
    }

    /** The list_tasks arguments for these filters. */
    public Map<String, Object> arguments() {
        Map<String, Object> args = new LinkedHashMap<>();
        if (view != null) {
            args.put("view", view);
        }
        if (status != null) {
            args.put("status", status);
        } else if (view == null) {
            args.put("status", "all");
            args.put("limit", 100);
        }
        if (priority != null) {
            args.put("priority", priority);
        }
        if (dueBefore != null) {
            args.put("due_before", dueBefore.toString());
        }
        if (dueAfter != null) {
            args.put("due_after", dueAfter.toString());
        }
        if (!tags.isEmpty()) {
            args.put("tags", tags);
        }
        return args;
    }
}
