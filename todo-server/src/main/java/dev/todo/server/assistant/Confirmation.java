package dev.todo.server.assistant;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * NFR-3.3 for an LLM, which can make any call its tools allow: deleting a task, or changing more than
 * {@link #MAX_UNCONFIRMED_CHANGES} tasks in one answer, goes ahead only when the user has just said yes to
 * a question of the assistant's. Otherwise the call is refused with a message telling the model to ask
 * first. The system prompt asks the same; this makes it hold even when a model forgets. (The built-in
 * engine asks by its own rules, tested in todo-core, and is not checked again.)
 */
final class Confirmation {

    static final int MAX_UNCONFIRMED_CHANGES = 3;
    private static final Set<String> CHANGES = Set.of("create_task", "update_task", "complete_task", "delete_task");
    private static final Pattern YES = Pattern.compile("^(?:yes|yeah|yep|yup|y|sure|ok|okay|confirm(?:ed)?|do it|go ahead"
            + "|please do|delete (?:it|them)|absolutely|of course|correct|right|definitely|👍)\\b.*|^👍.*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final boolean confirmed;
    private final AtomicInteger changes = new AtomicInteger();

    private Confirmation(boolean confirmed) {
        this.confirmed = confirmed;
    }

    /** Whether {@code message} says yes to a question the assistant asked in its last message. */
    static Confirmation of(List<Conversations.StoredMessage> history, String message) {
        Conversations.StoredMessage last = history.isEmpty() ? null : history.getLast();
        boolean asked = last != null && last.role().equals("assistant") && last.content().contains("?");
        return new Confirmation(asked && YES.matcher(message.strip()).matches());
    }

    /** Why the call {@code tool} must not run now, or {@code null} when it may. */
    String refusal(String tool) {
        if (confirmed || !CHANGES.contains(tool)) {
            return null;
        }
        if (tool.equals("delete_task")) {
            return "Not deleted: ask the user to confirm first, naming the task, and call delete_task only after "
                    + "they say yes.";
        }
        if (changes.incrementAndGet() > MAX_UNCONFIRMED_CHANGES) {
            return "Not changed: that is more than " + MAX_UNCONFIRMED_CHANGES + " tasks in one answer. List the "
                    + "tasks and ask the user to confirm first; go on only after they say yes.";
        }
        return null;
    }
}
