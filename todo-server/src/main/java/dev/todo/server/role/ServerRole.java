package dev.todo.server.role;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What one server process serves ({@code TODO_ROLE}): {@code api}, the default, is the whole server (API, MCP,
 * the web app's pages and the assistant); {@code assistant} serves only the chat API and its conversations, and
 * reaches the task tools over MCP at {@code TODO_ASSISTANT_MCP_URL}, as the chart's {@code todo-ai} Deployment
 * runs it.
 */
public enum ServerRole {
    API("api", List.of()),
    ASSISTANT("assistant", List.of("/api/v1/chat", "/api/chat", "/api/v1/conversations", "/api/conversations"));

    /** Served by every role: the probes and the metrics a cluster scrapes. */
    private static final List<String> EVERY_ROLE = List.of("/health", "/ready", "/actuator/health", "/actuator/prometheus");

    private final String wireName;
    private final List<String> onlyPaths;

    ServerRole(String wireName, List<String> onlyPaths) {
        this.wireName = wireName;
        this.onlyPaths = onlyPaths;
    }

    /** The role named by {@code value} (case-insensitive); an unknown name is a configuration error that says the choices. */
    public static ServerRole parse(String value) {
        String name = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            return API;
        }
        return Arrays.stream(values()).filter(role -> role.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown server role '" + value.strip()
                        + "' (TODO_ROLE): use api or assistant"));
    }

    public String wireName() {
        return wireName;
    }

    /** Whether a request for {@code path} is this role's to answer. */
    boolean serves(String path) {
        if (onlyPaths.isEmpty()) {
            return true;
        }
        return matches(EVERY_ROLE, path) || matches(onlyPaths, path);
    }

    private static boolean matches(List<String> prefixes, String path) {
        return prefixes.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }
}
