package dev.todo.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a task is in its life. Only {@link #DONE} carries a completion time. */
public enum TaskStatus {
    PENDING, IN_PROGRESS, DONE;

    /** The name used on the wire and on screen: {@code pending}, {@code in_progress}, {@code done}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name, case-insensitively. */
    public static TaskStatus fromWireName(String value) {
        for (TaskStatus status : values()) {
            if (status.wireName().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return status;
            }
        }
        throw new InvalidTaskException("status",
                "Unknown status '" + value + "': use " + choices());
    }

    static String choices() {
        return Arrays.stream(values()).map(TaskStatus::wireName).collect(Collectors.joining(", "));
    }
}
