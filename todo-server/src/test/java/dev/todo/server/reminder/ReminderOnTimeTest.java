package dev.todo.server.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.todo.server.Api;
import dev.todo.server.Api.Session;
import dev.todo.server.ApiTest;
import dev.todo.server.events.SseClient;
import dev.todo.server.events.SseClient.Frame;

/**
 * With the real clock: a reminder set 5 s ahead arrives on the stream at its time. Due times are whole minutes, so
 * the test waits until 5 s before the next minute starts (at most a minute), then sets the reminder for that minute.
 */
@ApiTest
class ReminderOnTimeTest {

    private static final Duration AHEAD = Duration.ofSeconds(5);

    private final Api api;
    private final String base;

    ReminderOnTimeTest(@LocalServerPort int port) {
        this.api = new Api(port);
        this.base = "http://localhost:" + port;
    }

    @Test
    void aReminderFiveSecondsAheadArrivesAtItsTime() throws Exception {
        Session user = api.register();
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        if (Duration.between(Instant.now(), minute).compareTo(AHEAD) < 0) {
            minute = minute.plus(Duration.ofMinutes(1));
        }
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), minute.minus(AHEAD)).toMillis()));
        LocalDateTime due = LocalDateTime.ofInstant(minute, ZoneOffset.UTC);

        try (SseClient stream = SseClient.open(base, user.accessToken(), null)) {
            assertThat(api.post("/api/v1/tasks", Map.of("title", "On time", "dueDate", due.toLocalDate().toString(),
                    "dueTime", due.toLocalTime().toString(), "reminderMinutesBefore", 0), user.accessToken()).status())
                    .isEqualTo(201);
            Frame reminder = null;
            while (reminder == null) {
                Frame frame = stream.nextEvent(AHEAD.plusSeconds(10));
                assertThat(frame).as("the reminder arrives").isNotNull();
                reminder = frame.event().equals("reminder") ? frame : null;
            }
            Instant arrived = Instant.now();

            assertThat(arrived).as("not early").isAfterOrEqualTo(minute);
            assertThat(reminder.json().get("late").booleanValue()).isFalse();
            System.out.printf("reminder due %s arrived %d ms after its time%n", minute,
                    Duration.between(minute, arrived).toMillis());
        }
    }
}
