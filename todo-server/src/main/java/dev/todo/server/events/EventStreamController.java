package dev.todo.server.events;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.todo.server.security.UserId;

/**
 * {@code GET /api/v1/events}: the signed-in user's task events and reminders as server-sent events, from
 * whichever replica made the change. {@code Last-Event-ID} (the id of the last event the client saw) resumes
 * without a gap: the events published after it come first, from the outbox.
 */
@RestController
@RequestMapping({"/api/v1/events", "/api/events"})
class EventStreamController {

    /** At most this many missed events are replayed on resume; a client further behind reloads its lists. */
    private static final int REPLAY_LIMIT = 1000;

    private final EventHub hub;
    private final Outbox outbox;
    private final Duration heartbeat;
    private final Duration maxDuration;

    EventStreamController(EventHub hub, Outbox outbox,
                          @Value("${todo.events.heartbeat:15s}") Duration heartbeat,
                          @Value("${todo.events.stream-max-duration:30m}") Duration maxDuration) {
        this.hub = hub;
        this.outbox = outbox;
        this.heartbeat = heartbeat;
        this.maxDuration = maxDuration;
    }

    @Operation(summary = "Stream your task events (text/event-stream)", description = """
            event: task with the event JSON of ARCHITECTURE.md (its id as the SSE id), event: reminder when a \
            reminder is due, a ': heartbeat' comment every 15 s. Send Last-Event-ID to resume after a reconnect.""")
    @GetMapping(produces = "text/event-stream")
    void stream(UserId user,
                @Parameter(description = "The id of the last event received, to resume without a gap")
                @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                HttpServletResponse response) throws IOException, InterruptedException {
        try (LiveStream stream = new LiveStream(response, hub, user.value())) {
            UUID resumeAfter = eventId(lastEventId);
            if (resumeAfter != null) {
                for (Outbox.Row missed : outbox.publishedAfter(user.value(), resumeAfter, REPLAY_LIMIT).orElse(List.of())) {
                    if (!stream.replay(LiveEvent.of(missed))) {
                        return;
                    }
                }
            }
            stream.run(heartbeat, maxDuration);
        }
    }

    /** A malformed id is ignored: the stream starts live. */
    private static UUID eventId(String header) {
        try {
            return header == null || header.isBlank() ? null : UUID.fromString(header.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
