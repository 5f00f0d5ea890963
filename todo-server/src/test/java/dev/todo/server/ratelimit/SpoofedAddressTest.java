package dev.todo.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import dev.todo.server.Api;
import dev.todo.server.Api.Response;

/**
 * With no trusted proxy configured (the default), the socket's address is the client: a client on this
 * machine or in the cluster's network cannot buy a fresh budget by sending a new {@code X-Forwarded-For}
 * or {@code Forwarded} header, and cannot claim https either.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"todo.rate-limit.address-per-minute=10", "todo.trusted-proxies="})
@ActiveProfiles("test")
class SpoofedAddressTest {

    private final Api api;

    SpoofedAddressTest(@LocalServerPort int port) {
        this.api = new Api(port);
    }

    @Test
    void thirtyWrongPasswordsForOneAccountWithAFreshForwardedForEachTimeAreRefused() {
        String email = "victim-" + UUID.randomUUID() + "@example.com";
        int firstRefused = 0;
        for (int attempt = 1; attempt <= 30 && firstRefused == 0; attempt++) {
            Response response = api.send("POST", "/api/v1/auth/login", Map.of("email", email, "password", "guess " + attempt),
                    null, Map.of("X-Forwarded-For", "198.51.100." + attempt,
                            "Forwarded", "for=203.0.113." + attempt + ";proto=https"));
            if (response.status() == 429) {
                firstRefused = attempt;
            } else {
                assertThat(response.status()).isEqualTo(401);
            }
        }

        assertThat(firstRefused).as("the attempt first refused (0: none)").isBetween(1, 11);
    }

    /** Each attempt names another account, so only the per-address budget can stop them: it is the socket's. */
    @Test
    void aFreshForwardedForDoesNotBuyAFreshAddressBudget() {
        int firstRefused = 0;
        String previousRemaining = null;
        for (int attempt = 1; attempt <= 30 && firstRefused == 0; attempt++) {
            Response response = api.send("POST", "/api/v1/auth/password-reset",
                    Map.of("email", "someone-" + UUID.randomUUID() + "@example.com"), null,
                    Map.of("X-Forwarded-For", "198.51.100." + attempt, "Forwarded", "for=203.0.113." + attempt));
            if (response.status() == 429) {
                firstRefused = attempt;
            } else if (previousRemaining != null) {
                assertThat(Integer.parseInt(response.header("RateLimit-Remaining")))
                        .as("every attempt spends the same budget").isLessThan(Integer.parseInt(previousRemaining));
            }
            previousRemaining = response.header("RateLimit-Remaining");
        }

        assertThat(firstRefused).as("the attempt first refused (0: none)").isBetween(1, 11);
    }

    @Test
    void anUntrustedPeerCannotClaimHttps() {
        Response claimed = api.send("GET", "/health", null, null,
                Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "198.51.100.1"));
        Response forwarded = api.send("GET", "/health", null, null, Map.of("Forwarded", "for=198.51.100.1;proto=https"));

        assertThat(claimed.status()).isEqualTo(200);
        assertThat(claimed.header("Strict-Transport-Security")).isNull();
        assertThat(forwarded.header("Strict-Transport-Security")).isNull();
    }
}
