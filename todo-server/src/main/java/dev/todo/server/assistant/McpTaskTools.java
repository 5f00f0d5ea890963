package dev.todo.server.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.DefaultToolDefinition;
import org.springframework.ai.tool.definition.ToolDefinition;
import tools.jackson.databind.json.JsonMapper;

/**
 * The task tools as the agent gets them: through MCP, from the server's own {@code /mcp} endpoint, signed in
 * as the user who is chatting. The agent is an MCP client like Claude Desktop or Cursor would be, so it
 * sees exactly the tools, schemas, rules and errors they see, and can never reach another user's tasks.
 *
 * <p>A tool's answer to the model is its structured content as JSON, or {@code {"error": "<message>"}} when
 * the tool reported an error; each call is also handed to a listener as a {@link ToolCallRecord}.
 */
final class McpTaskTools {

    private final McpConnections.Connection connection;
    private final String accessToken;
    private final List<ToolCallback> callbacks;
    private final JsonMapper json;
    private final Consumer<ToolCallRecord> listener;
    private final Confirmation confirmation;

    /**
     * The tools of {@code connection}, called with {@code accessToken}; every call is reported to {@code listener}.
     * With a {@code confirmation}, the calls it refuses are not made (null: no such check).
     */
    McpTaskTools(McpConnections.Connection connection, String accessToken, JsonMapper json,
                 Consumer<ToolCallRecord> listener, Confirmation confirmation) {
        this.connection = connection;
        this.confirmation = confirmation;
        this.accessToken = accessToken;
        this.json = json;
        this.listener = listener;
        List<ToolCallback> tools = new ArrayList<>();
        for (ToolDefinition tool : connection.tools(accessToken)) {
            tools.add(new Tool(tool));
        }
        this.callbacks = List.copyOf(tools);
    }

    List<ToolCallback> callbacks() {
        return callbacks;
    }

    /**
     * What answers a call to a tool that does not exist (a name the model made up): an error naming the real
     * tools, reported like any other call, so the model can correct itself.
     */
    ToolCallback unknown(String name) {
        String names = String.join(", ", callbacks.stream().map(c -> c.getToolDefinition().name()).toList());
        ToolDefinition definition = DefaultToolDefinition.builder().name(name).description(name).inputSchema("{}").build();
        return new ToolCallback() {
            @Override
            public ToolDefinition getToolDefinition() {
                return definition;
            }

            @Override
            public String call(String toolInput) {
                Map<String, Object> arguments = ToolResults.arguments(toolInput, json);
                return report(new ToolCallRecord(newId(), name, arguments == null ? Map.of() : arguments,
                        "There is no tool named " + name + ". The tools are: " + names + ".", true));
            }
        };
    }

    /** One MCP tool as Spring AI's ChatClient calls it. */
    private final class Tool implements ToolCallback {

        private final ToolDefinition definition;

        Tool(ToolDefinition definition) {
            this.definition = definition;
        }

        @Override
        public ToolDefinition getToolDefinition() {
            return definition;
        }

        @Override
        public String call(String toolInput) {
            String id = newId();
            Map<String, Object> arguments = ToolResults.arguments(toolInput, json);
            if (arguments == null) {
                return report(new ToolCallRecord(id, definition.name(), Map.of(),
                        "The arguments were not a JSON object: " + toolInput, true));
            }
            String refusal = confirmation == null ? null : confirmation.refusal(definition.name());
            if (refusal != null) {
                return report(new ToolCallRecord(id, definition.name(), arguments, refusal, true));
            }
            CallToolResult result;
            try {
                result = connection.call(accessToken, new McpSchema.CallToolRequest(definition.name(), arguments));
            } catch (RuntimeException e) {
                return report(new ToolCallRecord(id, definition.name(), arguments,
                        "The task service did not answer (" + e.getClass().getSimpleName() + "). Try again.", true));
            }
            if (Boolean.TRUE.equals(result.isError())) {
                return report(new ToolCallRecord(id, definition.name(), arguments, text(result), true));
            }
            Object content = result.structuredContent() != null ? result.structuredContent() : text(result);
            return report(new ToolCallRecord(id, definition.name(), arguments, content, false));
        }
    }


    private String report(ToolCallRecord record) {
        listener.accept(record);
        return ToolResults.forModel(record, json);
    }

    private static String newId() {
        return "call_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    private static String text(CallToolResult result) {
        StringBuilder text = new StringBuilder();
        for (McpSchema.Content content : result.content()) {
            if (content instanceof TextContent t) {
                text.append(text.isEmpty() ? "" : "\n").append(t.text());
            }
        }
        return text.toString();
    }
}
