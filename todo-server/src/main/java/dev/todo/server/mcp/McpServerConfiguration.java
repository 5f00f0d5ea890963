package dev.todo.server.mcp;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import org.springframework.ai.mcp.server.webmvc.transport.WebMvcStatelessServerTransport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import dev.todo.server.security.SecurityConfiguration;
import dev.todo.server.task.Tasks;

/**
 * The MCP server: Spring AI's stateless Streamable HTTP server at {@code /mcp} (see application.properties),
 * with the signed-in user put into each request's transport context, the task tools ({@link TaskTools}),
 * a "today" resource and a "plan my day" prompt.
 */
@Configuration(proxyBeanMethods = false)
class McpServerConfiguration {

    static final String TODAY_URI = "todo://tasks/today";

    @Bean
    WebMvcStatelessServerTransport webMvcStatelessServerTransport(JsonMapper json) {
        return WebMvcStatelessServerTransport.builder()
                .jsonMapper(new JacksonMcpJsonMapper(json))
                .messageEndpoint(SecurityConfiguration.MCP_PATH)
                .contextExtractor(request -> McpUser.fromRequest())
                .build();
    }

    @Bean
    List<SyncResourceSpecification> todayResource(Tasks tasks, JsonMapper json) {
        Resource today = Resource.builder(TODAY_URI, "today").title("Today's tasks")
                .description("The user's tasks due today or overdue and not done, in their time zone")
                .mimeType("application/json").build();
        return List.of(new SyncResourceSpecification(today, (context, request) -> {
            McpUser.Caller user = McpUser.of(context);
            Map<String, Object> content = user == null ? Map.of("tasks", List.of(), "total", 0)
                    : TaskTools.listResult(tasks.list(user.id(), Map.of("view", "today", "limit", "100")));
            return new ReadResourceResult(List.of(
                    new TextResourceContents(TODAY_URI, "application/json", json.writeValueAsString(content))));
        }));
    }

    @Bean
    List<SyncPromptSpecification> planMyDayPrompt() {
        Prompt prompt = new Prompt("plan_my_day", "Plan my day",
                "Look at today's and overdue tasks and suggest an order to do them in", List.of());
        String text = """
                Plan my day. Call list_tasks with view "today" (and, if that leaves room, view "upcoming"), \
                then suggest an order: overdue and high-priority tasks first, quick wins next, and say which \
                tasks could move to another day. Keep it short, as a numbered list.""";
        return List.of(new SyncPromptSpecification(prompt, (context, request) -> new GetPromptResult(
                "Plan the user's day from their tasks",
                List.of(new PromptMessage(McpSchema.Role.USER, new TextContent(text))))));
    }
}
