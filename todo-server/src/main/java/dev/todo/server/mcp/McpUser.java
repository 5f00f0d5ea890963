package dev.todo.server.mcp;

import java.util.Map;
import java.util.UUID;

import io.modelcontextprotocol.common.McpTransportContext;

import dev.todo.server.security.CurrentUser;

/**
 * Carries the signed-in user from the HTTP request (checked by Spring Security before it reaches the MCP
 * endpoint) to the tool handlers, in the MCP transport context. Nothing is kept between requests, so any
 * replica can answer any call.
 */
final class McpUser {

    private static final String KEY = "todo.userId";

    private McpUser() {
    }

    /** The transport context of the current request: its user, or empty without one. */
    static McpTransportContext fromRequest() {
        return CurrentUser.get()
                .map(user -> McpTransportContext.create(Map.of(KEY, user.value())))
                .orElse(McpTransportContext.EMPTY);
    }

    static UUID of(McpTransportContext context) {
        return context.get(KEY) instanceof UUID user ? user : null;
    }
}
