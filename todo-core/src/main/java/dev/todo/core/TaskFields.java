package dev.todo.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules for each field of a task, written once. Every front end (console, HTTP API, MCP tools,
 * assistant) passes user input through these methods, which return the normalized value or throw
 * {@link InvalidTaskException} with a message fit to show the user.
 */
public final class TaskFields {

    public static final int TITLE_MAX_LENGTH = 200;
    public static final int DESCRIPTION_MAX_LENGTH = 1000;
    public static final int TAG_MAX_LENGTH = 30;
    public static final int MAX_TAGS = 10;
    /** A reminder is at most 28 days before the due moment. */
    public static final int REMINDER_MAX_MINUTES = 28 * 24 * 60;

    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_-]*");

    private TaskFields() {
    }

    /** A title: surrounding spaces removed, 1 to 200 characters. */
    public static String title(String raw) {
        String title = raw == null ? "" : raw.strip();
        if (title.isEmpty()) {
            throw new InvalidTaskException("title", "Title is required");
        }
        int length = length(title);
        if (length > TITLE_MAX_LENGTH) {
            throw new InvalidTaskException("title",
                    "Title must be at most " + TITLE_MAX_LENGTH + " characters (it has " + length + ")");
        }
        return title;
    }

    /** A description: surrounding spaces removed, at most 1000 characters; blank means none ({@code null}). */
    public static String description(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String description = raw.strip();
        int length = length(description);
        if (length > DESCRIPTION_MAX_LENGTH) {
            throw new InvalidTaskException("description",
                    "Description must be at most " + DESCRIPTION_MAX_LENGTH + " characters (it has " + length + ")");
        }
        return description;
    }

    /**
     * Tags: lower-cased, a leading {@code #} dropped, duplicates removed (first one kept), each a word of
     * letters, digits, {@code -} or {@code _} of at most 30 characters, at most 10 of them.
     */
    public static List<String> tags(Collection<String> raw) {
        if (raw == null || raw.isEmpty()) {
            return List.of();
        }
        List<String> tags = new ArrayList<>(raw.size());
        for (String value : raw) {
            String tag = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
            if (tag.startsWith("#")) {
                tag = tag.substring(1);
            }
            if (tag.isEmpty()) {
                throw new InvalidTaskException("tags", "Tags cannot be empty");
            }
            if (length(tag) > TAG_MAX_LENGTH) {
                throw new InvalidTaskException("tags",
                        "Tag '" + tag + "' is longer than " + TAG_MAX_LENGTH + " characters");
            }
            if (!TAG.matcher(tag).matches()) {
                throw new InvalidTaskException("tags",
                        "Tag '" + tag + "' may only contain letters, digits, '-' and '_'");
            }
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw new InvalidTaskException("tags", "A task can have at most " + MAX_TAGS + " tags");
        }
        return List.copyOf(tags);
    }

    /** Minutes before the due moment, 0 to {@link #REMINDER_MAX_MINUTES}; {@code null} means no reminder. */
    public static Integer reminderMinutesBefore(Integer raw) {
        if (raw != null && (raw < 0 || raw > REMINDER_MAX_MINUTES)) {
            throw new InvalidTaskException("reminderMinutesBefore",
                    "A reminder must be 0 to " + REMINDER_MAX_MINUTES + " minutes (28 days) before the due time");
        }
        return raw;
    }

    /** A due time, a reminder and a repeat all count from the due date, so each needs one. */
    static void requireDueDate(java.time.LocalDate dueDate, java.time.LocalTime dueTime, Integer reminder,
                               String recurrence) {
        if (dueDate != null) {
            return;
        }
        if (dueTime != null) {
            throw new InvalidTaskException("dueTime", "A due time needs a due date");
        }
        if (reminder != null) {
            throw new InvalidTaskException("reminderMinutesBefore", "A reminder needs a due date");
        }
        if (recurrence != null) {
            throw new InvalidTaskException("recurrence", "A repeating task needs a due date");
        }
    }

    /** Length in characters as a person counts them (an emoji is one), not UTF-16 units. */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
