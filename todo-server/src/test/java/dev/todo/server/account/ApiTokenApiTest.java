package dev.todo.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import dev.todo.server.Api;
import dev.todo.server.Api.Response;
import dev.todo.server.Api.Session;
import dev.todo.server.ApiTest;

/** Personal API tokens over HTTP: created and managed with the access token, used on /mcp only. */
@ApiTest
class ApiTokenApiTest {

    private static final Map<String, String> MCP_HEADERS = Map.of("Accept", "application/json, text/event-stream");

    private final Api api;

    ApiTokenApiTest(@LocalServerPort int port) {
        this.api = new Api(port);
    }

    private JsonNode create(Session user, String name) {
        Response response = api.post("/api/v1/tokens", Map.of("name", name), user.accessToken());
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json();
    }

    private JsonNode list(Session user) {
        Response response = api.get("/api/v1/tokens", user.accessToken());
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().get("tokens");
    }

    private List<String> names(Session user) {
        List<String> names = new ArrayList<>();
        list(user).values().forEach(token -> names.add(token.get("name").stringValue()));
        return names;
    }

    /** An MCP initialize request signed in with {@code token}. */
    private Response postInitializeToMcp(String token) {
        Map<String, Object> request = Map.of("jsonrpc", "2.0", "id", 1, "method", "initialize",
                "params", Map.of("protocolVersion", "2025-06-18", "capabilities", Map.of(),
                        "clientInfo", Map.of("name", "test", "version", "1")));
        return api.send("POST", "/mcp", request, token, MCP_HEADERS);
    }

    /** The status of an MCP initialize request: whether {@code token} was taken. */
    private int initializeMcp(String token) {
        return postInitializeToMcp(token).status();
    }

    @Test
    void aNewTokenShowsItsSecretOnceAndOnlyAPrefixAfterwards() {
        Session user = api.register();
        Instant before = Instant.now().minusSeconds(5);

        Response response = api.post("/api/v1/tokens", Map.of("name", "  Claude Desktop "), user.accessToken());

        assertThat(response.status()).isEqualTo(201);
        JsonNode token = response.json().get("token");
        String secret = response.json().get("secret").stringValue();
        assertThat(secret).startsWith("todo_pat_").hasSizeGreaterThan("todo_pat_".length() + 30);
        assertThat(UUID.fromString(token.get("id").stringValue())).isNotNull();
        assertThat(token.get("name").stringValue()).isEqualTo("Claude Desktop");
        assertThat(token.get("prefix").stringValue()).startsWith("todo_pat_").hasSizeGreaterThan("todo_pat_".length());
        assertThat(secret).startsWith(token.get("prefix").stringValue()).isNotEqualTo(token.get("prefix").stringValue());
        assertThat(Instant.parse(token.get("createdAt").stringValue())).isBetween(before, Instant.now().plusSeconds(5));
        assertThat(token.get("lastUsedAt").isNull()).isTrue();
        assertThat(token.has("secret")).isFalse();

        Response listed = api.get("/api/v1/tokens", user.accessToken());
        assertThat(listed.text()).doesNotContain(secret);
        assertThat(listed.json().get("tokens").values()).containsExactly(token);
    }

    @Test
    void everyTokenHasItsOwnSecret() {
        Session user = api.register();

        String first = create(user, "one").get("secret").stringValue();
        String second = create(user, "two").get("secret").stringValue();

        assertThat(first).isNotEqualTo(second);
        assertThat(initializeMcp(first)).isEqualTo(200);
        assertThat(initializeMcp(second)).isEqualTo(200);
    }

    @Test
    void aNameIsRequiredAndAtMostOneHundredCharacters() {
        Session user = api.register();

        for (Map<String, Object> bad : List.of(Map.<String, Object>of(), Map.<String, Object>of("name", "   "),
                Map.<String, Object>of("name", "n".repeat(101)))) {
            Response response = api.post("/api/v1/tokens", bad, user.accessToken());

            assertThat(response.status()).as(bad.toString()).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("errors").get("name").stringValue()).as(bad.toString()).isNotBlank();
        }
        assertThat(api.post("/api/v1/tokens", Map.of("name", "n".repeat(101)), user.accessToken())
                .json().get("errors").get("name").stringValue()).contains("100");
        assertThat(list(user).size()).isZero();
        assertThat(create(user, "n".repeat(100)).get("token").get("name").stringValue()).hasSize(100);
    }

    @Test
    void tokensAreListedNewestFirstAndOnlyToTheirOwner() {
        Session user = api.register();
        create(user, "first");
        create(user, "second");
        create(user, "third");

        assertThat(names(user)).containsExactly("third", "second", "first");
        assertThat(names(api.register())).isEmpty();
    }

    @Test
    void aUserCanHaveFiftyTokensAtMost() {
        Session user = api.register();
        for (int i = 0; i < 50; i++) {
            create(user, "client " + i);
        }

        Response response = api.post("/api/v1/tokens", Map.of("name", "one too many"), user.accessToken());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get("name").stringValue()).contains("50").contains("revoke");
        assertThat(list(user).size()).isEqualTo(50);
    }

    @Test
    void aRevokedTokenIsGoneAndNoLongerSignsIn() {
        Session user = api.register();
        JsonNode kept = create(user, "kept");
        JsonNode revoked = create(user, "revoked");
        String id = revoked.get("token").get("id").stringValue();
        assertThat(initializeMcp(revoked.get("secret").stringValue())).isEqualTo(200);

        Response response = api.delete("/api/v1/tokens/" + id, user.accessToken());

        assertThat(response.status()).isEqualTo(204);
        assertThat(names(user)).containsExactly("kept");
        Response refused = postInitializeToMcp(revoked.get("secret").stringValue());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).as("says why, in the personal token's terms")
                .contains("invalid_token").contains("Unknown or revoked API token");
        assertThat(initializeMcp(kept.get("secret").stringValue())).isEqualTo(200);
        Response again = api.delete("/api/v1/tokens/" + id, user.accessToken());
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.delete("/api/v1/tokens/" + UUID.randomUUID(), user.accessToken()).status()).isEqualTo(404);
    }

    @Test
    void nobodyCanRevokeSomeoneElsesToken() {
        Session owner = api.register();
        JsonNode token = create(owner, "mine");

        Response response = api.delete("/api/v1/tokens/" + token.get("token").get("id").stringValue(),
                api.register().accessToken());

        assertThat(response.status()).isEqualTo(404);
        assertThat(names(owner)).containsExactly("mine");
        assertThat(initializeMcp(token.get("secret").stringValue())).isEqualTo(200);
    }

    @Test
    void usingATokenOnMcpRecordsWhenItWasLastUsed() {
        Session user = api.register();
        JsonNode created = create(user, "Cursor");
        assertThat(list(user).get(0).get("lastUsedAt").isNull()).isTrue();

        assertThat(initializeMcp(created.get("secret").stringValue())).isEqualTo(200);

        String lastUsed = list(user).get(0).get("lastUsedAt").stringValue();
        assertThat(Instant.parse(lastUsed)).isBetween(Instant.parse(created.get("token").get("createdAt").stringValue()),
                Instant.now().plus(Duration.ofSeconds(5)));
    }

    @Test
    void tokensAreManagedWithTheAccessTokenNeverWithAPersonalToken() {
        Session user = api.register();
        JsonNode created = create(user, "Claude Desktop");
        String secret = created.get("secret").stringValue();
        String id = created.get("token").get("id").stringValue();

        assertThat(api.post("/api/v1/tokens", Map.of("name", "made by a token"), secret).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/tokens", secret).status()).isEqualTo(401);
        assertThat(api.delete("/api/v1/tokens/" + id, secret).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/tokens", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/tokens", Map.of("name", "anonymous"), null).status()).isEqualTo(401);
        assertThat(names(user)).containsExactly("Claude Desktop");
    }
}
