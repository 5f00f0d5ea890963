package dev.todo.core;

import java.util.Locale;

/** How much a task matters. New tasks are {@link #MEDIUM}. */
public enum Priority {
    LOW, MEDIUM, HIGH;

    /** The name used on the wire and on screen: {@code low}, {@code medium}, {@code high}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name, case-insensitively. */
    public static Priority fromWireName(String value) {
        for (Priority priority : values()) {
            if (priority.wireName().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return priority;
            }
        }
        throw new InvalidTaskException("priority", "Unknown priority '" + value + "': use low, medium, high");
    }
}
