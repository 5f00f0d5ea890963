package dev.todo.server.events;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/events}: whether the outbox drains. Down when an event has waited longer than
 * {@code todo.events.stuck-after} (the broker is unreachable, say). Not part of readiness: writes go on
 * succeeding while events wait, so a replica stays in service.
 */
@Component
class OutboxHealthIndicator implements HealthIndicator {

    private final OutboxRelay relay;
    private final Duration stuckAfter;

    OutboxHealthIndicator(OutboxRelay relay, @Value("${todo.events.stuck-after:60s}") Duration stuckAfter) {
        this.relay = relay;
        this.stuckAfter = stuckAfter;
    }

    @Override
    public Health health() {
        OutboxRelay.Status status = relay.status();
        Health.Builder health = status.oldestAgeSeconds() > stuckAfter.toSeconds() ? Health.down() : Health.up();
        health.withDetail("sink", status.sink()).withDetail("backlog", status.backlog())
                .withDetail("oldestUnpublishedSeconds", status.oldestAgeSeconds());
        if (status.lastError() != null) {
            health.withDetail("lastError", status.lastError());
        }
        return health.build();
    }
}
