package dev.todo.server.account;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes refresh tokens and email links that have expired: they can no longer be used, and a replay of
 * one is refused as unknown just as it was refused as expired. Keeps the token tables as small as the
 * number of live sign-ins.
 */
@Component
class ExpiredTokenCleanup {

    private static final Logger log = LoggerFactory.getLogger(ExpiredTokenCleanup.class);

    private final JdbcClient db;
    private final Clock clock;

    ExpiredTokenCleanup(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    @Transactional
    void run() {
        var now = Timestamps.of(clock.instant());
        int refresh = db.sql("DELETE FROM refresh_tokens WHERE expires_at < :now").param("now", now).update();
        int links = db.sql("DELETE FROM account_tokens WHERE expires_at < :now").param("now", now).update();
        if (refresh + links > 0) {
            log.info("Deleted {} expired refresh tokens and {} expired email links", refresh, links);
        }
    }
}
