package dev.todo.core.assistant;

import dev.todo.core.Recurrence;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The assistant's built-in language engine: deterministic, offline and rule based. It reads the user's
 * message ({@link Interpreter}), works out which task is meant ({@link Matching}, the conversation's
 * {@link Context}), and answers with the same tool calls an LLM would make, one {@link Step} at a time.
 *
 * <p>It keeps no state: everything comes from the arguments. Pending questions are recognised from its own
 * last reply in the history ({@link Replies#ASK_DUE}, "Which task...", the confirmation questions), and the
 * tasks it talked about from the tool results recorded in earlier turns.
 */
public final class LocalEngine {

    /** At most this many tool calls in one turn. */
    public static final int MAX_CALLS = 6;

    private static final Pattern YES = Pattern.compile("^(?:yes|yeah|yep|yup|ya|yea|y|sure|ok|okay|k|do it|go ahead|go for it|confirm"
            + "|confirmed|please do|yes please|absolutely|of course|definitely|correct|right|affirmative|sounds good|proceed"
            + "|delete it|that's right|please|yes do it|yes delete it|go on|i'm sure|im sure|certainly|indeed|mark them|delete them"
            + "|continue)\\b.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern NO = Pattern.compile("^(?:no|nope|nah|n|cancel|don't|dont|do not|keep it|keep them|stop|never ?mind"
            + "|nvm|wait|abort|leave it|not now|forget it|hold on|no thanks|no way|negative)\\b.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern NO_DATE = Pattern.compile("^(?:no date|no due date|none|no|nope|whenever|skip|no deadline|not sure"
            + "|doesn't matter|does not matter|dont know|don't know|no idea|any ?time|no rush|leave it|leave it open|never ?mind the date"
            + "|it doesn't matter|no specific date|no particular date|n/a|na|nothing|not yet|later|someday|undecided)\\b.*", Pattern.CASE_INSENSITIVE);
    /** "and the second one", "the third too", "also #4": the same action again, on another task of the last list. */
    private static final Pattern ONE_MORE = Pattern.compile("^(?:and|also|plus|same for|same with|same to|now|then)\\s+(.+?)(?:\\s+(?:too|as well|also))?$"
            + "|^(.+?)\\s+(?:too|as well)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern PRONOUN = Pattern.compile("^(?:it|that|this|that one|this one|that task|this task|the task|same"
            + "|the same one|the one i just (?:added|created|made|mentioned)|the (?:last|latest|new|newest) (?:one|task)(?: i (?:added|created))?"
            + "|the one|them|one)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern TASK_ID = Pattern.compile("^(?:task|todo|item|id)\\s*(?:#|number\\s+|no\\.?\\s*)?(\\d+)$|^(?:#|number\\s+|no\\.?\\s*)?(\\d+)$",
            Pattern.CASE_INSENSITIVE);

    public LocalEngine() {
    }

    /** What {@code message} means on its own (used by the evaluation and when a question is pending). */
    public Interpretation interpret(String message, LocalDate today) {
        return Interpreter.interpret(message, today);
    }

    /**
     * The next step for {@code message}, given the earlier turns, the tool calls already made for this
     * message (with results, in order), and today's date in the user's time zone.
     */
    public Step next(List<Turn> history, String message, List<ToolCall> doneThisTurn, LocalDate today) {
        try {
            return decide(history, message, doneThisTurn, today);
        } catch (RuntimeException e) {
            // A tool result of an unexpected shape must not break the chat: answer, and let the user rephrase.
            return new Step.Reply("Sorry, something went wrong on my side (" + e.getClass().getSimpleName()
                    + "). Could you try that again, maybe in other words?");
        }
    }

    private Step decide(List<Turn> history, String message, List<ToolCall> doneThisTurn, LocalDate today) {
        List<Turn> turns = history == null ? List.of() : history;
        if (!turns.isEmpty() && turns.get(turns.size() - 1).role() == Role.USER
                && turns.get(turns.size() - 1).text().equals(message)) {
            turns = turns.subList(0, turns.size() - 1);
        }
        List<ToolCall> done = doneThisTurn == null ? List.of() : doneThisTurn;
        if (!done.isEmpty() && done.get(done.size() - 1).error()) {
            return new Step.Reply("Sorry, that didn't work: " + done.get(done.size() - 1).result());
        }
        if (done.size() >= MAX_CALLS && !(bulkInProgress(done))) {
            return new Step.Reply("Sorry, that took more steps than I can take at once. Could you say it more simply?");
        }
        Context context = new Context(turns, done);
        Step pending = pending(context, message == null ? "" : message, done, today);
        if (pending != null) {
            return pending;
        }
        return act(Interpreter.interpret(message, today), context, message, done, today);
    }

    private static boolean bulkInProgress(List<ToolCall> done) {
        return done.stream().allMatch(c -> c.name().equals("complete_task") || c.name().equals("delete_task")
                || c.name().equals("update_task"));
    }

    // ----- answers to the assistant's own questions -----

    private Step pending(Context context, String message, List<ToolCall> done, LocalDate today) {
        if (context.lastAssistant == null) {
            return null;
        }
        String asked = context.lastAssistant.text();
        String answer = Interpreter.strip(Words.clean(message)).toLowerCase(Locale.ROOT);
        Matcher delete = Replies.CONFIRM_DELETE.matcher(asked);
        Matcher bulk = Replies.CONFIRM_BULK.matcher(asked);
        boolean confirming = delete.matches() || bulk.find();
        String raw = Words.clean(message).toLowerCase(Locale.ROOT).strip();
        if (confirming && (YES.matcher(answer).matches() || YES.matcher(raw).matches())) {
            return delete.matches() ? confirmDelete(context, delete.group(1), done)
                    : confirmBulk(context, bulk.group(1), bulk.group(3), done, today);
        }
        if (confirming && (NO.matcher(answer).matches() || NO.matcher(raw).matches())) {
            return new Step.Reply(delete.matches() ? "OK, I won't delete it — '" + delete.group(1) + "' stays on your list."
                    : "OK, I've left your tasks as they are.");
        }
        if (asked.equals(Replies.ASK_DUE) && context.previousUser != null) {
            Interpretation request = Interpreter.interpret(context.previousUser, today);
            if (request.intent() == Intent.CREATE && Titles.meaningful(request.title())) {
                Interpretation withDate = answerDue(request, answer, today);
                if (withDate != null) {
                    return create(withDate, done, today);
                }
            }
        }
        Matcher more = ONE_MORE.matcher(Words.clean(message).toLowerCase(Locale.ROOT).replaceAll("[\\s.!?,]+$", ""));
        if (more.matches() && !context.lastNumbered.isEmpty()) {
            int index = Context.ordinal(more.group(1) != null ? more.group(1) : more.group(2), context.lastNumbered.size());
            Interpretation earlier = earlierAction(context, today);
            if (index >= 0 && earlier != null) {
                return onTask(earlier, context.lastNumbered.get(index), context, done, today);
            }
        }
        if (asked.startsWith(Replies.WHICH) && context.previousUser != null && !context.lastNumbered.isEmpty()) {
            Map<String, Object> chosen = choose(answer, context.lastNumbered);
            if (chosen != null) {
                Interpretation request = Interpreter.interpret(context.previousUser, today);
                if (request.target() != null) {
                    return onTask(request, chosen, context, done, today);
                }
            }
        }
        return null;
    }

    /** The last action on one task the user asked for, for "and the second one" (at most five messages back). */
    private static Interpretation earlierAction(Context context, LocalDate today) {
        for (String text : context.earlierUser.subList(0, Math.min(5, context.earlierUser.size()))) {
            Interpretation in = Interpreter.interpret(text, today);
            if (in.target() != null && !in.bulk()) {
                return in;
            }
        }
        return null;
    }

    private static Interpretation answerDue(Interpretation request, String answer, LocalDate today) {
        if (NO_DATE.matcher(answer).matches()) {
            return new Interpretation(Intent.CREATE, request.title(), null, false, request.priority(), request.tags(),
                    List.of(), request.description(), null, false, null, false, null, null);
        }
        var date = DatePhrases.find(answer, today);
        String rest = date.isEmpty() ? answer : answer.substring(0, date.get().start()) + " " + answer.substring(date.get().end());
        Priorities.Found priority = Priorities.find(rest);
        if (date.isEmpty() && priority.priority() == null) {
            return null;
        }
        String left = priority.rest().replaceAll("(?i)\\b(?:at|around|by)?\\s*\\d{1,2}(?::\\d{2})?\\s*(?:am|pm)\\b|\\bat\\s+\\d{1,2}(?::\\d{2})?\\b", "")
                .replaceAll("(?i)\\b(?:set it|make it|put it|set|make|due|for|on|by|at|it|please|the|and|with"
                + "|priority|let's say|lets say|say|maybe|how about|probably|i guess|i think|ok|okay|sure|thanks|just)\\b", "")
                .replaceAll("[^\\p{L}\\p{N}]+", "");
        if (!left.isEmpty()) {
            return null;
        }
        return new Interpretation(Intent.CREATE, request.title(), date.map(DatePhrases.Match::date).orElse(null), false,
                priority.priority() != null ? priority.priority() : request.priority(), request.tags(), List.of(),
                request.description(), null, false, null, false, null, null);
    }

    private static Map<String, Object> choose(String answer, List<Map<String, Object>> options) {
        String a = answer.replaceAll("(?i)^(?:i mean|i meant|it's|its|it is|the one called|how about|um|uh)\\s+", "").strip();
        int index = Context.ordinal(a, options.size());
        if (index >= 0) {
            return options.get(index);
        }
        if (Words.tokens(a).size() > 6) {
            return null;
        }
        String words = a.replaceAll("(?i)\\s+(?:one|task)$", "");
        Matching.Pick pick = Matching.pick(words, options);
        return pick.task();
    }

    // ----- acting on a message -----

    private Step act(Interpretation in, Context context, String message, List<ToolCall> done, LocalDate today) {
        return switch (in.intent()) {
            case HELP -> new Step.Reply(Replies.HELP);
            case CHAT -> new Step.Reply(Replies.chat(in.chat(), today));
            case CREATE -> Interpreter.verbless(message, in, today) ? maybeExisting(in, context, done, today) : create(in, done, today);
            case LIST -> list(in.query(), done, today);
            default -> in.bulk() ? (in.query() == null ? bulkListed(in, context, today) : bulk(in, done, today))
                    : target(in, context, message, done, today);
        };
    }

    /**
     * "quarterly report by end of the week": a name and a date, no verb. If an open task has all those words,
     * the date (or priority) is for it; otherwise it is a new task.
     */
    private Step maybeExisting(Interpretation in, Context context, List<ToolCall> done, LocalDate today) {
        if (find(done, "create_task") != null) {
            return create(in, done, today);
        }
        ToolCall listed = find(done, "list_tasks");
        if (listed == null) {
            return new Step.Call("list_tasks", new LinkedHashMap<>(Map.of("status", "all", "limit", 100)));
        }
        List<Map<String, Object>> open = Context.tasksIn(List.of(listed)).stream()
                .filter(t -> !"done".equals(t.get("status"))).filter(t -> Matching.covers(in.title(), String.valueOf(t.get("title")))).toList();
        Matching.Pick pick = Matching.pick(in.title(), open);
        return pick.task() != null ? onTask(asUpdate(in), pick.task(), context, done, today) : create(in, done, today);
    }

    private static Interpretation asUpdate(Interpretation in) {
        return new Interpretation(Intent.UPDATE, null, in.dueDate(), false, in.priority(), List.of(), List.of(), null,
                in.title(), false, null, false, null, null, in.recurrence(), in.recurFrom(), in.dueTime(), in.reminderMinutesBefore());
    }

    private Step create(Interpretation in, List<ToolCall> done, LocalDate today) {
        ToolCall created = find(done, "create_task");
        if (created != null) {
            return new Step.Reply(Replies.created(task(created), today));
        }
        if (in.title() == null || !Titles.meaningful(in.title())) {
            return new Step.Reply("What should the task say? For example: \"remind me to buy groceries tomorrow\".");
        }
        if (in.askDue()) {
            return new Step.Reply(Replies.ASK_DUE);
        }
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("title", in.title());
        if (in.description() != null) {
            args.put("description", in.description());
        }
        if (in.dueDate() != null) {
            args.put("due_date", in.dueDate().toString());
        }
        if (in.priority() != null) {
            args.put("priority", in.priority());
        }
        if (!in.tags().isEmpty()) {
            args.put("tags", in.tags().stream().filter(t -> t.matches("[\\p{L}\\p{N}][\\p{L}\\p{N}_-]{0,29}")).toList());
        }
        schedule(in, args);
        return new Step.Call("create_task", args);
    }

    private Step list(ListQuery query, List<ToolCall> done, LocalDate today) {
        ToolCall listed = find(done, "list_tasks");
        if (listed == null) {
            return new Step.Call("list_tasks", query.arguments());
        }
        Map<?, ?> result = (Map<?, ?>) listed.result();
        List<Map<String, Object>> tasks = Context.tasksIn(List.of(listed));
        int total = result.get("total") instanceof Number n ? n.intValue() : tasks.size();
        if (query.openOnly()) {
            List<Map<String, Object>> open = tasks.stream().filter(t -> !"done".equals(t.get("status"))).toList();
            total -= tasks.size() - open.size();
            tasks = open;
        }
        return new Step.Reply(Replies.summary(query, tasks, total, today));
    }

    private Step bulk(Interpretation in, List<ToolCall> done, LocalDate today) {
        ToolCall listed = find(done, "list_tasks");
        if (listed == null) {
            Map<String, Object> args = new LinkedHashMap<>(in.query().arguments());
            args.put("limit", 100);
            return new Step.Call("list_tasks", args);
        }
        List<Map<String, Object>> tasks = Context.tasksIn(List.of(listed));
        if (in.query().openOnly()) {
            tasks = tasks.stream().filter(t -> !"done".equals(t.get("status"))).toList();
        }
        String verb = verb(in);
        if (tasks.isEmpty()) {
            return new Step.Reply("There are no matching tasks to " + switch (verb) {
                case "Delete" -> "delete.";
                case "Move" -> "move.";
                case "Set" -> "change.";
                default -> "mark as done.";
            });
        }
        return new Step.Reply(confirmBulkText(verb, in.dueDate(), in.priority(), tasks, "", today));
    }

    /** How a change to many tasks is asked: "Delete", "Mark … as done", "Move … to <date>", "Set … to <p> priority". */
    private static String verb(Interpretation in) {
        if (in.intent() == Intent.UPDATE) {
            return in.dueDate() != null ? "Move" : "Set";
        }
        return in.intent() == Intent.DELETE ? "Delete" : "Mark";
    }

    /** "Delete them all" after a list: the tasks of the last numbered list. */
    private static Step bulkListed(Interpretation in, Context context, LocalDate today) {
        if (context.lastNumbered.isEmpty()) {
            return new Step.Reply("Which tasks? Ask me to show them first, for example \"what's on my plate today?\".");
        }
        return new Step.Reply(confirmBulkText(verb(in), in.dueDate(), in.priority(), context.lastNumbered, "", today));
    }

    private static String confirmBulkText(String verb, LocalDate moveTo, String priority, List<Map<String, Object>> tasks,
            String remaining, LocalDate today) {
        String head = verb + " " + (tasks.size() == 1 ? "this 1 " : "these " + tasks.size() + " ") + remaining
                + (tasks.size() == 1 ? "task" : "tasks") + switch (verb) {
                    case "Delete" -> "?";
                    case "Move" -> " to " + DatePhrases.describe(moveTo, today) + "?";
                    case "Set" -> " to " + priority + " priority?";
                    default -> " as done?";
                };
        return head + "\n" + Replies.numbered(tasks, today, false) + "\nReply yes to confirm or no to cancel.";
    }

    private Step confirmBulk(Context context, String verb, String when, List<ToolCall> done, LocalDate today) {
        List<Map<String, Object>> tasks = context.numbered(context.lastAssistant);
        LocalDate moveTo = verb.equals("Move") ? DatePhrases.parse(when, today).orElse(null) : null;
        String priority = verb.equals("Set") ? Priorities.named(when) : null;
        if (verb.equals("Move") && moveTo == null || verb.equals("Set") && priority == null) {
            return new Step.Reply("Sorry, I lost track of the change — please ask again.");
        }
        String tool = switch (verb) {
            case "Delete" -> "delete_task";
            case "Move", "Set" -> "update_task";
            default -> "complete_task";
        };
        int acted = (int) done.stream().filter(c -> c.name().equals(tool)).count();
        if (acted < tasks.size() && acted < MAX_CALLS) {
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("task_id", String.valueOf(Context.id(tasks.get(acted))));
            if (moveTo != null) {
                args.put("due_date", moveTo.toString());
            }
            if (priority != null) {
                args.put("priority", priority);
            }
            return new Step.Call(tool, args);
        }
        String titles = Replies.and(tasks.subList(0, acted).stream().map(Replies::title).toList());
        String text = switch (verb) {
            case "Delete" -> "Done! I've deleted " + Replies.tasks(acted) + ": " + titles + ".";
            case "Move" -> "Done! I've moved " + Replies.tasks(acted) + " to " + DatePhrases.describe(moveTo, today) + ": " + titles + ".";
            case "Set" -> "Done! " + Replies.tasks(acted).replaceFirst("^1 task$", "1 task is") + (acted == 1 ? "" : " are") + " now "
                    + priority + " priority: " + titles + ".";
            default -> "Great! I've marked " + Replies.tasks(acted) + " as done: " + titles + ".";
        };
        if (acted < tasks.size()) {
            text += "\n" + confirmBulkText(verb, moveTo, priority, tasks.subList(acted, tasks.size()), "remaining ", today);
        }
        return new Step.Reply(text);
    }

    private Step confirmDelete(Context context, String title, List<ToolCall> done) {
        ToolCall deleted = find(done, "delete_task");
        if (deleted != null) {
            return new Step.Reply("I've deleted '" + Replies.title(task(deleted)) + "'.");
        }
        Map<String, Object> task = context.byTitle(title, Context.tasksIn(context.lastAssistant.toolCalls()));
        if (task == null) {
            return new Step.Reply("I can't find '" + title + "' any more — it may already be gone.");
        }
        return new Step.Call("delete_task", Map.of("task_id", String.valueOf(Context.id(task))));
    }

    /** A message about one task: find the task, then act on it. */
    private Step target(Interpretation in, Context context, String message, List<ToolCall> done, LocalDate today) {
        String phrase = in.target() == null ? "" : in.target().strip();
        Matcher id = TASK_ID.matcher(phrase);
        if (id.matches()) {
            String number = id.group(1) != null ? id.group(1) : id.group(2);
            int position = Integer.parseInt(number) - 1;
            if (id.group(1) == null && position >= 0 && position < context.lastNumbered.size()) {
                return onTask(in, context.lastNumbered.get(position), context, done, today);
            }
            Map<String, Object> task = context.known.get(Long.parseLong(number));
            return onTask(in, task != null ? task : Map.of("id", Long.parseLong(number)), context, done, today);
        }
        int index = Context.ordinal(phrase, context.lastNumbered.size());
        if (index >= 0) {
            return onTask(in, context.lastNumbered.get(index), context, done, today);
        }
        if (phrase.isEmpty() || PRONOUN.matcher(phrase).matches() || Context.ordinal(phrase, 10) >= 0) {
            for (ToolCall call : done) {
                if (call.name().equals("list_tasks")) {
                    boolean reopen = in.intent() == Intent.REOPEN;
                    return askWhich(Context.tasksIn(List.of(call)).stream()
                            .filter(t -> "done".equals(t.get("status")) == reopen).toList(), reopen, today);
                }
            }
            if (context.lastMentioned != null && Context.ordinal(phrase, 10) < 0) {
                return onTask(in, context.lastMentioned, context, done, today);
            }
            if (!context.lastNumbered.isEmpty() && Context.ordinal(phrase, 10) < 0) {
                return askWhich(context.lastNumbered, false, today);
            }
            return new Step.Call("list_tasks", new LinkedHashMap<>(Map.of("status", "all", "limit", 100)));
        }
        if (!context.lastNumbered.isEmpty() && find(done, "list_tasks") == null) {
            Matching.Pick pick = Matching.pick(phrase, context.lastNumbered);
            if (pick.task() != null) {
                return onTask(in, pick.task(), context, done, today);
            }
        }
        ToolCall listed = find(done, "list_tasks");
        if (listed == null) {
            return new Step.Call("list_tasks", new LinkedHashMap<>(Map.of("status", "all", "limit", 100)));
        }
        List<Map<String, Object>> all = Context.tasksIn(List.of(listed));
        Matching.Pick pick = pickFor(in.intent(), phrase, all);
        if (pick.task() != null) {
            return onTask(in, pick.task(), context, done, today);
        }
        if (!pick.candidates().isEmpty()) {
            return new Step.Reply(Replies.WHICH + " do you mean?\n" + Replies.numbered(pick.candidates(), today, false));
        }
        // "finish the kitchen renovation project", "update the onboarding docs by Tuesday": a chore whose verb is also a
        // command, about no task there is, is a new task.
        Interpretation chore = message == null ? null : Interpreter.asNewTask(message, in, today);
        if (chore != null) {
            return create(chore, done, today);
        }
        return new Step.Reply("I couldn't find a task matching '" + phrase + "'. Say \"show my tasks\" to see them.");
    }

    /** Completing prefers open tasks, reopening prefers done ones; otherwise all tasks compete. */
    private static Matching.Pick pickFor(Intent intent, String phrase, List<Map<String, Object>> all) {
        if (intent == Intent.COMPLETE || intent == Intent.REOPEN) {
            boolean wantDone = intent == Intent.REOPEN;
            List<Map<String, Object>> preferred = all.stream().filter(t -> "done".equals(t.get("status")) == wantDone).toList();
            Matching.Pick pick = Matching.pick(phrase, preferred);
            if (pick.task() != null || !pick.candidates().isEmpty()) {
                return pick;
            }
        }
        return Matching.pick(phrase, all);
    }

    private static Step askWhich(List<Map<String, Object>> tasks, boolean done, LocalDate today) {
        if (tasks.isEmpty()) {
            return new Step.Reply(done ? "You don't have any completed tasks to reopen."
                    : "You don't have any open tasks right now. Want to add one?");
        }
        List<Map<String, Object>> shown = tasks.subList(0, Math.min(10, tasks.size()));
        return new Step.Reply(Replies.WHICH + "? You have:\n" + Replies.numbered(shown, today, false));
    }

    private Step onTask(Interpretation in, Map<String, Object> known, Context context, List<ToolCall> done, LocalDate today) {
        String taskId = String.valueOf(Context.id(known));
        boolean full = known.containsKey("title");
        switch (in.intent()) {
            case COMPLETE -> {
                ToolCall call = find(done, "complete_task");
                return call == null ? new Step.Call("complete_task", Map.of("task_id", taskId))
                        : new Step.Reply("Great! I've marked '" + Replies.title(task(call)) + "' as done.");
            }
            case REOPEN -> {
                ToolCall call = find(done, "update_task");
                return call == null ? new Step.Call("update_task", new LinkedHashMap<>(Map.of("task_id", taskId, "status", "pending")))
                        : new Step.Reply("OK, I've reopened '" + Replies.title(task(call)) + "' — it's pending again.");
            }
            case GET -> {
                ToolCall call = find(done, "get_task");
                return call == null ? new Step.Call("get_task", Map.of("task_id", taskId))
                        : new Step.Reply(Replies.details(task(call), today));
            }
            case DELETE -> {
                if (!full) {
                    ToolCall call = find(done, "get_task");
                    if (call == null) {
                        return new Step.Call("get_task", Map.of("task_id", taskId));
                    }
                    known = task(call);
                }
                return new Step.Reply("Delete '" + Replies.title(known) + "'? Reply yes to confirm or no to keep it.");
            }
            default -> {
                return update(in, known, done, today);
            }
        }
    }

    private Step update(Interpretation in, Map<String, Object> known, List<ToolCall> done, LocalDate today) {
        ToolCall updated = find(done, "update_task");
        if (updated != null) {
            return new Step.Reply(updatedText(in, task(updated), today));
        }
        String taskId = String.valueOf(Context.id(known));
        if (!in.hasChanges()) {
            String title = known.containsKey("title") ? "'" + Replies.title(known) + "'" : "task " + taskId;
            return new Step.Reply("What should I change about " + title + "? For example: \"move it to Friday\" or \"make it high priority\".");
        }
        Map<String, Object> task = known;
        if ((!in.tags().isEmpty() || !in.removeTags().isEmpty()) && !task.containsKey("tags")) {
            ToolCall got = find(done, "get_task");
            if (got == null) {
                return new Step.Call("get_task", Map.of("task_id", taskId));
            }
            task = task(got);
        }
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("task_id", taskId);
        if (in.title() != null) {
            args.put("title", in.title());
        }
        if (in.description() != null) {
            args.put("description", in.description());
        }
        if (in.dueDate() != null) {
            args.put("due_date", in.dueDate().toString());
        } else if (in.clearDue()) {
            args.put("due_date", null);
        }
        if (in.priority() != null) {
            args.put("priority", in.priority());
        }
        if (in.status() != null) {
            args.put("status", in.status());
        }
        if (in.recurrence() != null && in.dueDate() == null && task.containsKey("due_date") && task.get("due_date") == null) {
            // A repeat needs a due date: a task without one starts on the rule's first date.
            args.put("due_date", Recurrence.parse(in.recurrence()).firstOnOrAfter(today).toString());
        }
        schedule(in, args);
        if (!in.tags().isEmpty() || !in.removeTags().isEmpty()) {
            Set<String> tags = new LinkedHashSet<>();
            if (!in.removeTags().contains("*")) {
                for (Object t : (List<?>) task.get("tags")) {
                    tags.add(String.valueOf(t));
                }
            }
            tags.addAll(in.tags());
            tags.removeAll(in.removeTags());
            args.put("tags", new ArrayList<>(tags));
        }
        return new Step.Call("update_task", args);
    }

    /** The repeat, due time and reminder asked for, as MCP arguments (recurrence, recur_from, due_time, reminder_minutes_before). */
    private static void schedule(Interpretation in, Map<String, Object> args) {
        if (in.dueTime() != null) {
            args.put("due_time", in.dueTime().toString());
        }
        if (in.reminderMinutesBefore() != null) {
            args.put("reminder_minutes_before", in.reminderMinutesBefore());
        }
        if (in.recurrence() != null) {
            args.put("recurrence", in.recurrence());
            if (in.recurFrom() != null) {
                args.put("recur_from", in.recurFrom());
            }
        }
    }

    private static String updatedText(Interpretation in, Map<String, Object> task, LocalDate today) {
        List<String> changes = new ArrayList<>();
        if (in.title() != null) {
            changes.add("renamed it to '" + Replies.title(task) + "'");
        }
        LocalDate due = Replies.due(task);
        if (in.dueDate() != null && due != null) {
            changes.add("it's now " + DatePhrases.due(due, today));
        } else if (in.clearDue()) {
            changes.add("removed its due date");
        }
        if (in.priority() != null) {
            changes.add("it's now " + task.get("priority") + " priority");
        }
        if (!in.tags().isEmpty() || !in.removeTags().isEmpty()) {
            List<?> tags = (List<?>) task.get("tags");
            changes.add(tags.isEmpty() ? "it has no tags now" : "its tags are now " + String.join(", ", tags.stream().map(String::valueOf).toList()));
        }
        if (in.description() != null) {
            changes.add("added the note");
        }
        if (in.status() != null) {
            changes.add("it's now " + String.valueOf(task.get("status")).replace('_', ' '));
        }
        if (in.recurrence() != null) {
            changes.add("it repeats " + Replies.repeat(task, in));
        }
        if (in.dueTime() != null) {
            changes.add("it's due at " + in.dueTime());
        }
        if (in.reminderMinutesBefore() != null) {
            changes.add("I'll remind you " + Replies.minutes(in.reminderMinutesBefore()) + " before");
        }
        String subject = in.title() != null ? "the task" : "'" + Replies.title(task) + "'";
        return "Done! I've updated " + subject + ": " + Replies.and(changes) + ".";
    }

    private static ToolCall find(List<ToolCall> done, String name) {
        for (ToolCall call : done) {
            if (call.name().equals(name)) {
                return call;
            }
        }
        return null;
    }

    private static Map<String, Object> task(ToolCall call) {
        return Context.cast((Map<?, ?>) ((Map<?, ?>) call.result()).get("task"));
    }
}
