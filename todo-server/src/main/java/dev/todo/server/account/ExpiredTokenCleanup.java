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
 * number of live sign-ins. Also forgets counts of failed sign-ins whose window and lock are over.
 */
@Component
class ExpiredTokenCleanup {

    private static final Logger log = LoggerFactory.getLogger(ExpiredTokenCleanup.class);

    private final JdbcClient db;
    private final FailedSignIns failedSignIns;
    private final Clock clock;

    ExpiredTokenCleanup(JdbcClient db, FailedSignIns failedSignIns, Clock clock) {
        this.db = db;
        this.failedSignIns = failedSignIns;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    @Transactional
    void run() {
        var now = Timestamps.of(clock.instant());
        int refresh = db.sql("DELETE FROM refresh_tokens WHERE expires_at < :now").param("now", now).update();
        int links = db.sql("DELETE FROM account_tokens WHERE expires_at < :now").param("now", now).update();
        // Anyone can type any email, so counts of failed sign-ins go too once they no longer matter.
        int counts = failedSignIns.deleteStale(clock.instant());
        if (refresh + links + counts > 0) {
            log.info("Deleted {} expired refresh tokens, {} expired email links and {} stale counts of failed sign-ins",
                    refresh, links, counts);
        }
    }
}
