package dev.todo.server.mcp;

import java.util.Map;
import java.util.UUID;

import io.modelcontextprotocol.common.McpTransportContext;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.todo.server.security.CurrentUser;
import dev.todo.server.task.Via;

/**
 * Carries the signed-in user from the HTTP request (checked by Spring Security before it reaches the MCP
 * endpoint) to the tool handlers, in the MCP transport context. Nothing is kept between requests, so any
 * replica can answer any call.
 */
final class McpUser {

    private static final String KEY = "todo.userId";
    private static final String VIA = "todo.via";
    /** The header the built-in assistant sends with its MCP calls, so its changes are recorded as its own. */
    static final String CLIENT_HEADER = "X-Todo-Client";

    /** Who calls: the user, and whether through the built-in assistant or another MCP client. */
    record Caller(UUID id, Via via) {
    }

    private McpUser() {
    }

    /** The transport context of the current request: its user, or empty without one. */
    static McpTransportContext fromRequest() {
        return CurrentUser.get()
                .map(user -> McpTransportContext.create(Map.of(KEY, user.value(), VIA, via())))
                .orElse(McpTransportContext.EMPTY);
    }

    static Caller of(McpTransportContext context) {
        return context.get(KEY) instanceof UUID user
                ? new Caller(user, context.get(VIA) instanceof Via via ? via : Via.MCP) : null;
    }

    private static Via via() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && "assistant".equals(request.getRequest().getHeader(CLIENT_HEADER)) ? Via.ASSISTANT : Via.MCP;
    }
}
