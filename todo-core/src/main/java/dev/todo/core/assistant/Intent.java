package dev.todo.core.assistant;

import java.util.Locale;

/** What a message asks the assistant to do. */
public enum Intent {
    CREATE, LIST, COMPLETE, REOPEN, UPDATE, DELETE, GET, HELP, CHAT;

    /** The lower-case name used in the dev set: {@code create}, {@code list}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
