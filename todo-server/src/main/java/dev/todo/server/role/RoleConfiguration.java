package dev.todo.server.role;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.todo.server.StartupProblem;

/** Reads {@code TODO_ROLE} once at start-up; a bad value or an assistant with nowhere to call stops the start with one clear line. */
@Configuration(proxyBeanMethods = false)
class RoleConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RoleConfiguration.class);

    @Bean
    ServerRole serverRole(@Value("${todo.role:api}") String name, @Value("${todo.assistant.mcp-url:}") String mcpUrl) {
        ServerRole role;
        try {
            role = ServerRole.parse(name);
        } catch (IllegalArgumentException e) {
            throw new StartupProblem(e.getMessage(), e);
        }
        if (role == ServerRole.ASSISTANT && mcpUrl.isBlank()) {
            throw new StartupProblem("The assistant role needs TODO_ASSISTANT_MCP_URL, the backend's MCP"
                    + " endpoint (e.g. http://todo-backend-svc:8080/mcp)");
        }
        log.info("Server role: {}", role.wireName());
        return role;
    }
}
