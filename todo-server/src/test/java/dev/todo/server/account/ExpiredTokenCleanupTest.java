package dev.todo.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.todo.server.Api;
import dev.todo.server.Api.Session;
import dev.todo.server.ApiTest;

@ApiTest
class ExpiredTokenCleanupTest {

    private final Api api;
    private final RefreshTokens refreshTokens;
    private final EmailLinks emailLinks;
    private final ExpiredTokenCleanup cleanup;
    private final FailedSignIns failedSignIns;
    private final JdbcClient db;

    ExpiredTokenCleanupTest(@LocalServerPort int port, RefreshTokens refreshTokens, EmailLinks emailLinks,
                            ExpiredTokenCleanup cleanup, FailedSignIns failedSignIns, JdbcClient db) {
        this.api = new Api(port);
        this.refreshTokens = refreshTokens;
        this.emailLinks = emailLinks;
        this.cleanup = cleanup;
        this.failedSignIns = failedSignIns;
        this.db = db;
    }

    private int countsOf(String email) {
        return db.sql("SELECT count(*) FROM sign_in_failures WHERE email_hash = :hash")
                .param("hash", SecretTokens.hash(email)).query(Integer.class).single();
    }

    @Test
    void expiredTokensAreDeletedAndLiveOnesKept() {
        Session session = api.register();
        UUID userId = UUID.fromString(session.userId());
        Instant past = Instant.now().minus(8, ChronoUnit.DAYS);
        String expiredRefresh = "expired-" + UUID.randomUUID();
        refreshTokens.insert(userId, UUID.randomUUID(), SecretTokens.hash(expiredRefresh), past, past.plus(7, ChronoUnit.DAYS));
        String expiredLink = emailLinks.issue(userId, EmailLinks.Purpose.RESET_PASSWORD, past, past.plusSeconds(3600));

        cleanup.run();

        assertThat(refreshTokens.lockByHash(SecretTokens.hash(expiredRefresh))).isEmpty();
        assertThat(emailLinks.consume(expiredLink, EmailLinks.Purpose.RESET_PASSWORD, past.plusSeconds(60))).isEmpty();
        assertThat(refreshTokens.lockByHash(SecretTokens.hash(session.refreshToken()))).as("the live sign-in").isPresent();
        assertThat(api.send("POST", "/api/v1/auth/refresh", null, null,
                java.util.Map.of("Authorization", "Bearer " + session.refreshToken())).status()).isEqualTo(200);
    }

    @Test
    void countsOfFailedSignInsGoOnceTheirWindowIsOver() {
        String stale = "stale-" + UUID.randomUUID() + "@example.com";
        String recent = "recent-" + UUID.randomUUID() + "@example.com";
        failedSignIns.charge(stale, Instant.now().minus(1, ChronoUnit.HOURS));
        failedSignIns.charge(recent, Instant.now());

        cleanup.run();

        assertThat(countsOf(stale)).isZero();
        assertThat(countsOf(recent)).as("still within its window").isEqualTo(1);
    }
}
