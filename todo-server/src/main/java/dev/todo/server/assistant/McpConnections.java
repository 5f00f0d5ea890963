package dev.todo.server.assistant;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.annotation.PreDestroy;
import org.springframework.ai.tool.definition.DefaultToolDefinition;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent's MCP client connections, one per MCP endpoint, shared by every conversation: one HTTP client
 * with its kept-alive connections, initialised once, its tool list read once. Each call still carries the
 * access token of the user it is made for (the transport adds it from the call's context), and the server
 * is stateless, so sharing the connection shares nothing between users.
 */
@Component
class McpConnections {

    private static final String TOKEN = "todo.accessToken";
    /** The token of the call being made on this thread; the client reads it when it sends the request. */
    private static final ThreadLocal<String> CALLER = new ThreadLocal<>();

    private final JsonMapper json;
    private final Duration timeout;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    McpConnections(JsonMapper json, @Value("${todo.ai.timeout}") Duration timeout) {
        this.json = json;
        this.timeout = timeout;
    }

    /** The connection to the MCP endpoint at {@code baseUrl + "/mcp"}. */
    Connection to(String baseUrl) {
        return connections.computeIfAbsent(baseUrl, this::connect);
    }

    @PreDestroy
    void close() {
        connections.values().forEach(c -> c.client.close());
    }

    private Connection connect(String baseUrl) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(baseUrl)
                .endpoint("/mcp")
                .clientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1))
                .connectTimeout(Duration.ofSeconds(5))
                .jsonMapper(new JacksonMcpJsonMapper(json))
                .httpRequestCustomizer((request, method, uri, body, context) ->
                        request.header("Authorization", "Bearer " + context.get(TOKEN))
                                // so the task history says the assistant made the change, not "an MCP client"
                                .header("X-Todo-Client", "assistant"))
                .build();
        McpSyncClient client = McpClient.sync(transport)
                .clientInfo(McpSchema.Implementation.builder("todo-assistant", "0.1.0").build())
                .requestTimeout(timeout)
                .initializationTimeout(timeout)
                .transportContextProvider(() -> CALLER.get() == null ? McpTransportContext.EMPTY
                        : McpTransportContext.create(Map.of(TOKEN, CALLER.get())))
                .build();
        return new Connection(client, json);
    }

    /**
     * One MCP endpoint: its tools (listed once, as the model is shown them) and calls, each as the user whose
     * token it is given.
     */
    static final class Connection {

        private final McpSyncClient client;
        private final JsonMapper json;
        private volatile List<ToolDefinition> tools;

        private Connection(McpSyncClient client, JsonMapper json) {
            this.client = client;
            this.json = json;
        }

        List<ToolDefinition> tools(String accessToken) {
            List<ToolDefinition> known = tools;
            if (known == null) {
                known = as(accessToken, () -> {
                    if (!client.isInitialized()) {
                        client.initialize();
                    }
                    return client.listTools().tools().stream().map(this::definition).toList();
                });
                tools = known;
            }
            return known;
        }

        private ToolDefinition definition(McpSchema.Tool tool) {
            return DefaultToolDefinition.builder()
                    .name(tool.name())
                    .description(tool.description() == null ? tool.name() : tool.description())
                    .inputSchema(json.writeValueAsString(tool.inputSchema()))
                    .build();
        }

        McpSchema.CallToolResult call(String accessToken, McpSchema.CallToolRequest request) {
            return as(accessToken, () -> client.callTool(request));
        }

        private static <T> T as(String accessToken, Supplier<T> action) {
            CALLER.set(accessToken);
            try {
                return action.get();
            } finally {
                CALLER.remove();
            }
        }
    }
}
