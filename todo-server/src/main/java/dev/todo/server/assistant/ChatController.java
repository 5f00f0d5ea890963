package dev.todo.server.assistant;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

import dev.todo.server.security.AccessTokens;
import dev.todo.server.security.CurrentUser;
import dev.todo.server.security.UserId;

/**
 * The assistant's HTTP API: {@code POST /chat} answers a message, streamed as server-sent events
 * ({@code Accept: text/event-stream}) or as one JSON object; {@code /conversations} lists, shows and deletes
 * the user's conversations.
 */
@RestController
@RequestMapping({"/api/v1", "/api"})
class ChatController {

    private final AssistantService assistant;
    private final Conversations conversations;
    private final AccessTokens accessTokens;
    private final JsonMapper json;
    private final String mcpUrl;

    ChatController(AssistantService assistant, Conversations conversations, AccessTokens accessTokens, JsonMapper json,
                   @Value("${todo.assistant.mcp-url}") String mcpUrl) {
        this.assistant = assistant;
        this.conversations = conversations;
        this.accessTokens = accessTokens;
        this.json = json;
        this.mcpUrl = mcpUrl;
    }

    record ChatRequest(String message, String conversationId, String timezone) {
    }

    /**
     * Answers a message. The stream sends {@code start} (conversationId), then {@code tool_call} for each
     * tool run and {@code delta} text chunks as they come, and ends with {@code done} (conversationId,
     * messageId) or {@code error} (message).
     */
    @PostMapping("/chat")
    void chat(UserId user, @RequestBody ChatRequest body, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String token = CurrentUser.accessToken().map(accessTokens::forAssistant).map(AccessTokens.IssuedToken::value)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in to chat"));
        AssistantService.Exchange exchange = assistant.begin(user.value(), body.message(), body.conversationId(),
                body.timezone());
        String conversationId = exchange.conversation().id().toString();
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE)) {
            EventStream events = new EventStream(response, json);
            events.send("start", Map.of("conversationId", conversationId));
            try {
                AssistantService.Reply reply = assistant.answer(exchange, mcpBaseUrl(request), token, new Agent.Listener() {
                    @Override
                    public void toolCall(ToolCallRecord call) {
                        events.send("tool_call", call);
                    }

                    @Override
                    public void delta(String text) {
                        events.send("delta", Map.of("text", text));
                    }
                });
                events.send("done", Map.of("conversationId", conversationId, "messageId", reply.messageId().toString()));
            } catch (AssistantService.Unavailable e) {
                events.send("error", Map.of("message", e.reply().text(), "conversationId", conversationId));
            }
            return;
        }
        try {
            AssistantService.Reply reply = assistant.answer(exchange, mcpBaseUrl(request), token, Agent.Listener.NONE);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("conversationId", conversationId);
            answer.put("messageId", reply.messageId().toString());
            answer.put("response", reply.text());
            answer.put("toolCalls", reply.toolCalls());
            writeJson(response, HttpStatus.OK, MediaType.APPLICATION_JSON_VALUE, answer);
        } catch (AssistantService.Unavailable e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.reply().text());
            problem.setTitle("The assistant could not answer");
            problem.setProperty("conversationId", conversationId);
            problem.setProperty("toolCalls", e.reply().toolCalls());
            writeJson(response, e.status(), MediaType.APPLICATION_PROBLEM_JSON_VALUE, problem);
        }
    }

    @GetMapping("/conversations")
    Map<String, List<Conversations.Summary>> list(UserId user) {
        return Map.of("conversations", conversations.list(user.value()));
    }

    /** A conversation with every message and the tool calls made for each. */
    @GetMapping("/conversations/{id}")
    Map<String, Object> get(UserId user, @PathVariable UUID id) {
        Conversations.Summary conversation = conversations.find(user.value(), id).orElseThrow(ChatController::notFound);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", conversation.id());
        body.put("title", conversation.title());
        body.put("createdAt", conversation.createdAt());
        body.put("updatedAt", conversation.updatedAt());
        body.put("messages", conversations.messages(conversation.id(), Integer.MAX_VALUE));
        return body;
    }

    @DeleteMapping("/conversations/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(UserId user, @PathVariable UUID id) {
        if (!conversations.delete(user.value(), id)) {
            throw notFound();
        }
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "Conversation not found");
    }

    /** Where the agent reaches the MCP endpoint: configured, or this very server over the connection's own address. */
    private String mcpBaseUrl(HttpServletRequest request) {
        if (!mcpUrl.isBlank()) {
            // Either the base URL or the endpoint itself (http://todo-backend-svc:8080/mcp) may be configured.
            return mcpUrl.replaceFirst("/mcp/?$", "");
        }
        String host = request.getLocalAddr();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + request.getLocalPort();
    }

    private void writeJson(HttpServletResponse response, HttpStatus status, String type, Object body) throws IOException {
        response.setStatus(status.value());
        response.setContentType(type);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
