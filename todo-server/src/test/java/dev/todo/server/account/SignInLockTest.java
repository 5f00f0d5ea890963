package dev.todo.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import dev.todo.server.Api;
import dev.todo.server.Api.Response;
import dev.todo.server.MovableClock;
import dev.todo.server.ProxiedApiTest;

/**
 * The per-account limit on failed sign-ins (5 in 15 minutes, then 15 minutes locked: the defaults),
 * whatever the address: every attempt here comes from another client address, each with a budget of
 * its own, as from a botnet.
 */
@ProxiedApiTest
class SignInLockTest {

    private static final String LOCKED = "Too many failed sign-ins for this account. Try again in 15 minutes or reset your password.";
    private static final Pattern RESET_TOKEN = Pattern.compile("reset-password\\?token=([A-Za-z0-9_-]+)");
    /** A fresh client address for each request (100.64.0.0/10: not a trusted proxy here). */
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private final Api api;
    private final MovableClock clock;
    private final JdbcClient db;

    SignInLockTest(@LocalServerPort int port, MovableClock clock, JdbcClient db) {
        this.api = new Api(port);
        this.clock = clock;
        this.db = db;
    }

    private static Map<String, String> fromAnotherAddress() {
        int n = ADDRESSES.incrementAndGet();
        return Map.of("X-Forwarded-For", "100.64." + (n / 250) + "." + (n % 250 + 1));
    }

    private Response login(String email, String password) {
        return api.send("POST", "/api/v1/auth/login", Map.of("email", email, "password", password), null, fromAnotherAddress());
    }

    private String register() {
        String email = "locked-" + UUID.randomUUID() + "@example.com";
        Response registered = api.send("POST", "/api/v1/auth/register",
                Map.of("email", email, "password", "correct horse"), null, fromAnotherAddress());
        assertThat(registered.status()).isEqualTo(201);
        return email;
    }

    private void failFiveTimes(String email) {
        for (int i = 1; i <= 5; i++) {
            Response wrong = login(email, "wrong guess " + i);
            assertThat(wrong.status()).as("guess " + i).isEqualTo(401);
            assertThat(wrong.json().get("detail").stringValue()).isEqualTo("Invalid credentials");
        }
    }

    private static void assertLocked(Response response, String detail, String retryAfter) {
        assertThat(response.status()).isEqualTo(429);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").stringValue()).isEqualTo(detail);
        assertThat(response.header("Retry-After")).isEqualTo(retryAfter);
        assertThat(response.header("Set-Cookie")).as("no session").isNull();
        assertThat(response.json().has("accessToken")).isFalse();
    }

    @Test
    void fiveFailuresFromFiveAddressesLockTheAccountEvenForTheRightPasswordUntilTheLockIsOver() {
        String email = register();
        String other = register();
        failFiveTimes(email);

        assertLocked(login(email, "correct horse"), LOCKED, "900");
        assertLocked(login(email.toUpperCase(), "another guess"), LOCKED, "900");
        assertThat(login(other, "correct horse").status()).as("other accounts are not locked").isEqualTo(200);

        clock.advance(Duration.ofMinutes(14).plusSeconds(30));
        assertLocked(login(email, "correct horse"), LOCKED.replace("15 minutes", "1 minute"), "30");

        clock.advance(Duration.ofSeconds(30));
        assertThat(login(email, "correct horse").status()).as("the lock is over").isEqualTo(200);
        assertThat(login(email, "wrong again").status()).as("and the count started again").isEqualTo(401);
    }

    @Test
    void anUnknownEmailIsTreatedAlike() {
        String nobody = "nobody-" + UUID.randomUUID() + "@example.com";
        String somebody = register();
        failFiveTimes(nobody);
        failFiveTimes(somebody);

        Response unknown = login(nobody, "correct horse");
        Response known = login(somebody, "correct horse");

        assertLocked(unknown, LOCKED, "900");
        assertLocked(known, LOCKED, "900");
        assertThat(unknown.json()).isEqualTo(known.json());
        assertThat(db.sql("SELECT count(*) FROM sign_in_failures WHERE email_hash = :hash")
                .param("hash", SecretTokens.hash(nobody)).query(Integer.class).single())
                .as("counted under a hash, not the email itself").isEqualTo(1);
    }

    @Test
    void aSuccessfulSignInStartsTheCountAgain() {
        String email = register();
        for (int round = 0; round < 3; round++) {
            for (int i = 1; i <= 4; i++) {
                assertThat(login(email, "wrong " + i).status()).isEqualTo(401);
            }
            assertThat(login(email, "correct horse").status()).as("round " + round).isEqualTo(200);
        }
    }

    @Test
    void failuresOutsideTheWindowAreForgotten() {
        String email = register();
        for (int i = 1; i <= 4; i++) {
            assertThat(login(email, "wrong " + i).status()).isEqualTo(401);
        }
        clock.advance(Duration.ofMinutes(15));

        for (int i = 1; i <= 4; i++) {
            assertThat(login(email, "wrong again " + i).status()).isEqualTo(401);
        }
        assertThat(login(email, "correct horse").status()).isEqualTo(200);
    }

    /** Guesses sent all at once cannot slip past the count: exactly five passwords are checked. */
    @Test
    void aBurstOfParallelGuessesGetsFiveTries() throws Exception {
        String email = register();
        List<Callable<Integer>> guesses = IntStream.range(0, 20)
                .<Callable<Integer>>mapToObj(i -> () -> login(email, "parallel guess " + i).status()).toList();
        List<Integer> statuses;
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            statuses = pool.invokeAll(guesses).stream().map(SignInLockTest::get).toList();
        }

        assertThat(statuses.stream().filter(s -> s == 401).count()).isEqualTo(5);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(15);
    }

    @Test
    void resettingThePasswordLiftsTheLock() throws InterruptedException {
        String email = register();
        failFiveTimes(email);

        Response requested = api.send("POST", "/api/v1/auth/password-reset", Map.of("email", email), null, fromAnotherAddress());
        assertThat(requested.status()).isEqualTo(202);
        String token = resetToken(email);
        assertLocked(login(email, "correct horse"), LOCKED, "900");

        Response confirmed = api.send("POST", "/api/v1/auth/password-reset/confirm",
                Map.of("token", token, "password", "a brand new one"), null, fromAnotherAddress());
        assertThat(confirmed.status()).as("a locked account can still reset its password").isEqualTo(200);
        assertThat(login(email, "a brand new one").status()).as("the reset lifted the lock").isEqualTo(200);
    }

    /** The reset link, from the dev mailbox (read without X-Forwarded-For: from this machine). */
    private String resetToken(String email) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            for (JsonNode message : api.get("/dev/mailbox", null).json().get("messages").values()) {
                Matcher token = RESET_TOKEN.matcher(message.get("body").stringValue());
                if (message.get("to").stringValue().equals(email) && token.find()) {
                    return token.group(1);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no reset mail to " + email);
    }

    private static int get(Future<Integer> status) {
        try {
            return status.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
