package dev.todo.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.todo.server.Api;
import dev.todo.server.Api.Response;
import dev.todo.server.ProxiedApiTest;

/** Behind a trusted proxy its X-Forwarded-For names the client and its X-Forwarded-Proto says https. */
@ProxiedApiTest
class TrustedProxiesTest {

    private final Api api;

    TrustedProxiesTest(@LocalServerPort int port) {
        this.api = new Api(port);
    }

    /** An email endpoint with the per-address budget (3 here) that changes nothing for an unknown email. */
    private Response resetFrom(String forwardedFor) {
        return api.send("POST", "/api/v1/auth/password-reset", Map.of("email", "nobody-" + UUID.randomUUID() + "@example.com"),
                null, Map.of("X-Forwarded-For", forwardedFor));
    }

    @Test
    void theClientIsTheRightMostAddressThatIsNotATrustedProxy() {
        for (int i = 2; i >= 0; i--) {
            Response spent = resetFrom("203.0.113.7");
            assertThat(spent.status()).isEqualTo(202);
            assertThat(spent.header("RateLimit-Remaining")).isEqualTo(Integer.toString(i));
        }

        assertThat(resetFrom("203.0.113.7").status()).isEqualTo(429);
        assertThat(resetFrom("198.51.100.66, 203.0.113.7").status())
                .as("what the client wrote before the proxy's entry changes nothing").isEqualTo(429);
        assertThat(resetFrom("203.0.113.7, 127.0.0.1").status())
                .as("a trusted proxy in the chain is passed over").isEqualTo(429);
        Response other = resetFrom("203.0.113.8");
        assertThat(other.status()).as("another client has its own budget").isEqualTo(202);
        assertThat(other.header("RateLimit-Remaining")).isEqualTo("2");
        assertThat(resetFrom("198.51.100.66, 203.0.113.9").header("RateLimit-Remaining")).isEqualTo("2");
    }

    @Test
    void httpsSaidByATrustedProxyTurnsOnHsts() {
        Response plain = api.get("/health", null);
        Response http = api.send("GET", "/health", null, null, Map.of("X-Forwarded-Proto", "http"));
        Response https = api.send("GET", "/health", null, null,
                Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.20"));

        assertThat(plain.header("Strict-Transport-Security")).isNull();
        assertThat(http.header("Strict-Transport-Security")).isNull();
        assertThat(https.status()).isEqualTo(200);
        assertThat(https.header("Strict-Transport-Security")).contains("max-age=");
    }

    @Test
    void theSettingTakesAddressesAndRangesAndNamesWhatItCannotRead() {
        assertThat(TrustedProxies.ranges(" 10.0.0.0/8, 192.0.2.7 ,fd00::/8,::1,")).containsExactly(
                "10.0.0.0/8", "192.0.2.7/32", "fd00::/8", "::1/128");
        assertThat(TrustedProxies.ranges("")).isEmpty();
        assertThatThrownBy(() -> TrustedProxies.ranges("proxy.internal")).hasMessage(
                "TODO_TRUSTED_PROXIES (todo.trusted-proxies): 'proxy.internal' is not an IP address or CIDR range "
                        + "such as 10.0.0.0/8 or fd00::/8: it is not an IP address");
        assertThatThrownBy(() -> TrustedProxies.ranges("10.0.0.0/33")).hasMessageEndingWith(
                "'10.0.0.0/33' is not an IP address or CIDR range such as 10.0.0.0/8 or fd00::/8: its prefix length must be 0 to 32");
        assertThatThrownBy(() -> TrustedProxies.ranges("10.0.0.256")).hasMessageEndingWith(
                "each part of an IPv4 address is 0 to 255");
        assertThatThrownBy(() -> TrustedProxies.ranges("fd00::1::2")).hasMessageEndingWith(
                "it is not a valid IPv6 address");
        assertThatThrownBy(() -> TrustedProxies.ranges("10.0.0.0/x")).hasMessageEndingWith(
                "its prefix length must be 0 to 32");
    }
}
