package dev.todo.core.assistant;

import java.util.Map;

/**
 * A tool call made earlier, with its result: {@code result} is parsed JSON ({@code Map<String,Object>},
 * {@code List<Object>}, {@code String}, {@code Number}, {@code Boolean} or {@code null}); when {@code error}
 * is true, {@code result} is the error message String.
 */
public record ToolCall(String name, Map<String, Object> arguments, Object result, boolean error) {
}
