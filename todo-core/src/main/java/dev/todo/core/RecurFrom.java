package dev.todo.core;

/** Where a repeating task's next due date counts from: the due date it had, or the day it was completed. */
public enum RecurFrom {
    DUE, COMPLETION;

    /** {@code due} or {@code completion}. */
    public String wireName() {
        return WireNames.of(this);
    }

    public static RecurFrom fromWireName(String value) {
        return WireNames.parse(values(), value, "recurFrom");
    }
}
