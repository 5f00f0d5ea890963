package dev.todo.core.assistant;

import java.util.List;

/**
 * One message of the conversation so far. An ASSISTANT turn carries the tool calls made while answering
 * (in order, with results) and its final text. A USER turn has no tool calls.
 */
public record Turn(Role role, String text, List<ToolCall> toolCalls) {

    public Turn {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        text = text == null ? "" : text;
    }

    /** A user message. */
    public static Turn user(String text) {
        return new Turn(Role.USER, text, List.of());
    }

    /** An assistant answer with the tool calls made while answering. */
    public static Turn assistant(String text, List<ToolCall> toolCalls) {
        return new Turn(Role.ASSISTANT, text, toolCalls);
    }
}
