package dev.todo.server.assistant;

import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a tool's arguments and result travel in the conversation the model reads: the tool's structured content as JSON,
 * or {@code {"error": "<message>"}}. Written once here, read back by the local engine and when a stored
 * conversation is replayed.
 */
final class ToolResults {

    private static final String ERROR = "error";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private ToolResults() {
    }

    static String forModel(ToolCallRecord call, JsonMapper json) {
        return json.writeValueAsString(call.error() ? Map.of(ERROR, String.valueOf(call.result())) : call.result());
    }

    /** A tool result read back: parsed JSON, or the error message when {@code error}. */
    record Read(Object result, boolean error) {
    }

    static Read fromModel(String text, JsonMapper json) {
        Object value;
        try {
            value = json.readValue(text, Object.class);
        } catch (JacksonException e) {
            return new Read(text, false);
        }
        if (value instanceof Map<?, ?> map && map.size() == 1 && map.get(ERROR) instanceof String message) {
            return new Read(message, true);
        }
        return new Read(value, false);
    }

    /** A model's tool arguments (a JSON object) as a map; empty for none, {@code null} when not a JSON object. */
    static Map<String, Object> arguments(String text, JsonMapper json) {
        try {
            return text == null || text.isBlank() ? Map.of() : json.readValue(text, MAP);
        } catch (JacksonException e) {
            return null;
        }
    }
}
