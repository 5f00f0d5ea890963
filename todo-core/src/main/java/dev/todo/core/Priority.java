package dev.todo.core;

/** How much a task matters. New tasks are {@link #MEDIUM}. */
public enum Priority {
    LOW, MEDIUM, HIGH;

    /** The name used on the wire and on screen: {@code low}, {@code medium}, {@code high}. */
    public String wireName() {
        return WireNames.of(this);
    }

    /** Parses a wire name, case-insensitively. */
    public static Priority fromWireName(String value) {
        return WireNames.parse(values(), value, "priority");
    }
}
