package dev.todo.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import dev.todo.server.Api;
import dev.todo.server.Api.Response;
import dev.todo.server.Api.Session;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"todo.rate-limit.user-per-minute=5", "todo.rate-limit.address-per-minute=4",
                "todo.rate-limit.chat-per-minute=2"})
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitTest {

    private final Api api;
    /** A user of the first test with API budget left, for the last one (registering would spend the address's). */
    private static Session chatter;

    RateLimitTest(@LocalServerPort int port) {
        this.api = new Api(port);
    }

    @Test
    @Order(1)
    void eachUserHasTheirOwnBudgetAndLearnsWhenToComeBack() {
        // Two registrations spend the address budget of the auth endpoints, not the users'.
        Session user = api.register();
        Session other = api.register();
        chatter = other;

        for (int i = 1; i <= 5; i++) {
            Response ok = api.get("/api/v1/tasks", user.accessToken());
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("RateLimit-Limit")).isEqualTo("5");
            assertThat(ok.header("RateLimit-Remaining")).isEqualTo(Integer.toString(5 - i));
        }
        Response limited = api.post("/api/v1/tasks", Map.of("title", "one too many"), user.accessToken());

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        assertThat(limited.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(Integer.parseInt(limited.header("RateLimit-Reset"))).isBetween(1, 60);
        assertThat(limited.json().get("detail").stringValue()).startsWith("Too many requests: try again in");
        assertThat(api.get("/api/v1/tasks", other.accessToken()).status()).isEqualTo(200);
        assertThat(api.get("/health", null).status()).as("health checks are never limited").isEqualTo(200);
        assertThat(api.get("/api/v1/tasks", other.accessToken()).json().get("total").intValue())
                .as("the refused request created nothing").isZero();
    }

    /** Runs second: the two registrations of the test above already spent half of this address's budget. */
    @Test
    @Order(2)
    void signInAttemptsAreLimitedPerAddress() {
        int status = 0;
        int attempts = 0;
        while (status != 429 && attempts < 10) {
            status = api.post("/api/v1/auth/login", Map.of("email", "who@example.com", "password", "guess " + attempts),
                    null).status();
            attempts++;
        }

        assertThat(status).isEqualTo(429);
        assertThat(attempts).isEqualTo(3);
        assertThat(api.post("/api/auth/password-reset", Map.of("email", "who@example.com"), null).status())
                .as("the alias path shares the budget").isEqualTo(429);
        Response refresh = api.send("POST", "/api/v1/auth/refresh", null, null, Map.of("Authorization", "Bearer unknown"));
        assertThat(refresh.status()).as("refresh has its own, larger budget").isEqualTo(401);
        assertThat(refresh.header("RateLimit-Limit")).isEqualTo("5");
    }

    /**
     * Runs last: MCP clients and messages to the assistant have budgets of their own, apart from the API's;
     * the assistant's own tool calls spend neither.
     */
    @Test
    @Order(3)
    void mcpCallsAndMessagesToTheAssistantHaveTheirOwnBudgets() {
        Session user = chatter;
        Map<String, String> mcp = Map.of("Accept", "application/json, text/event-stream");
        String listTools = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
        for (int i = 1; i <= 5; i++) {
            assertThat(api.send("POST", "/mcp", listTools, user.accessToken(), mcp).status()).isEqualTo(200);
        }
        Response mcpLimited = api.send("POST", "/mcp", listTools, user.accessToken(), mcp);
        assertThat(mcpLimited.status()).isEqualTo(429);
        assertThat(mcpLimited.header("RateLimit-Limit")).isEqualTo("5");
        Map<String, String> json = Map.of("Accept", "application/json");

        assertThat(api.send("POST", "/api/v1/chat", Map.of("message", "help"), user.accessToken(), json).status()).isEqualTo(200);
        assertThat(api.send("POST", "/api/v1/chat", Map.of("message", "help"), user.accessToken(), json).status()).isEqualTo(200);
        Response limited = api.send("POST", "/api/v1/chat", Map.of("message", "help"), user.accessToken(), json);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("RateLimit-Limit")).isEqualTo("2");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        Response conversations = api.get("/api/v1/conversations", user.accessToken());
        assertThat(conversations.status()).as("the rest of the API is still open").isEqualTo(200);
        assertThat(conversations.json().get("conversations")).as("the refused message was not stored").hasSize(2);
    }
}
