package dev.todo.server.assistant;

import java.util.Map;

/**
 * One tool the assistant ran while answering, as it is stored, streamed ({@code event: tool_call}) and shown
 * as a card: its arguments, and its result (the tool's structured content) or, when {@code error}, the
 * message the tool answered with.
 */
public record ToolCallRecord(String id, String name, Map<String, Object> arguments, Object result, boolean error) {

    public ToolCallRecord {
        arguments = arguments == null ? Map.of() : arguments;
    }
}
