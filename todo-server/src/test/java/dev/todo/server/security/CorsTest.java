package dev.todo.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.todo.server.Api;
import dev.todo.server.Api.Response;
import dev.todo.server.ApiTest;

/** Browsers on a configured origin may call the API; others get no CORS permission. */
@ApiTest
class CorsTest {

    private final Api api;

    CorsTest(@LocalServerPort int port) {
        this.api = new Api(port);
    }

    private Response preflight(String origin) {
        return api.send("OPTIONS", "/api/v1/tasks", null, null, Map.of("Origin", origin,
                "Access-Control-Request-Method", "PATCH", "Access-Control-Request-Headers", "authorization,content-type"));
    }

    @Test
    void aConfiguredOriginMayCallTheApiWithCredentials() {
        Response response = preflight("http://app.test");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("http://app.test");
        assertThat(response.header("Access-Control-Allow-Methods")).contains("PATCH");
        assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("true");
    }

    @Test
    void anyOtherOriginIsRefused() {
        Response response = preflight("http://evil.test");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    }
}
