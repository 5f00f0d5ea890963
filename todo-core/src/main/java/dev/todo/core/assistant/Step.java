package dev.todo.core.assistant;

import java.util.Map;

/** What the engine does next: call a tool, or reply to the user (which ends the turn). */
public sealed interface Step permits Step.Call, Step.Reply {

    /** Call the tool {@code name} with {@code arguments}, then ask the engine again with the result. */
    record Call(String name, Map<String, Object> arguments) implements Step {
    }

    /** The final answer of this turn. */
    record Reply(String text) implements Step {
    }
}
