package dev.todo.server.task;

/** Through which door a change came in: recorded with every event, shown in a task's history. */
public enum Via {
    /** The HTTP API (the web app and other clients). */
    API,
    /** An MCP client calling the tools. */
    MCP,
    /** The assistant, calling the MCP tools for the user. */
    ASSISTANT,
    /** An import of the console's export file. */
    IMPORT,
    /** The server itself, creating the next occurrence of a repeating task. */
    RECURRENCE;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
