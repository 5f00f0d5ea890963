package dev.todo.server.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import dev.todo.server.Api;
import dev.todo.server.Api.Session;
import dev.todo.server.ApiTest;
import dev.todo.server.MovableClock;
import dev.todo.server.events.SseClient;
import dev.todo.server.events.SseClient.Frame;

/**
 * Reminders with a clock the test moves: they fire once at their time, move with the due time, stop with
 * completion, fire late after an outage, and reach the user's stream and (if asked for) their mailbox.
 */
@ApiTest
@Import(MovableClock.Installed.class)
class ReminderTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    /** The reminder clock checks every second; a reminder due now shows up well within this. */
    private static final Duration FIRES_WITHIN = Duration.ofSeconds(5);
    /** Long enough for two checks to pass without firing. */
    private static final Duration STAYS_QUIET = Duration.ofMillis(2500);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    private final Api api;
    private final String base;
    private final MovableClock clock;

    ReminderTest(@LocalServerPort int port, MovableClock clock) {
        this.api = new Api(port);
        this.base = "http://localhost:" + port;
        this.clock = clock;
    }

    @Test
    void aReminderFiresOnceAtItsTimeOnTheUsersStream() throws Exception {
        Session user = api.register();
        LocalDateTime due = inMinutes(30);
        JsonNode task = create(user, "Call the dentist", due, 10);
        Instant remindAt = due.minusMinutes(10).toInstant(ZoneOffset.UTC);
        assertThat(Instant.parse(task.get("remindAt").stringValue())).isEqualTo(remindAt);

        try (SseClient stream = SseClient.open(base, user.accessToken(), null)) {
            clock.advance(Duration.between(clock.instant(), remindAt).minusSeconds(1));
            assertThat(nextReminder(stream, STAYS_QUIET)).as("one second early").isNull();

            clock.advance(Duration.ofSeconds(2));
            JsonNode reminder = nextReminder(stream, FIRES_WITHIN);

            assertThat(reminder).isNotNull();
            assertThat(reminder.get("taskId").longValue()).isEqualTo(task.get("id").longValue());
            assertThat(reminder.get("userId").stringValue()).isEqualTo(user.userId());
            assertThat(reminder.get("title").stringValue()).isEqualTo("Call the dentist");
            assertThat(Instant.parse(reminder.get("remindAt").stringValue())).isEqualTo(remindAt);
            assertThat(Instant.parse(reminder.get("dueAt").stringValue())).isEqualTo(due.toInstant(ZoneOffset.UTC));
            assertThat(reminder.get("late").booleanValue()).isFalse();

            clock.advance(Duration.ofMinutes(5));
            assertThat(nextReminder(stream, STAYS_QUIET)).as("fires once").isNull();
        }
    }

    @Test
    void movingTheDueTimeMovesTheReminderAndCompletingCancelsIt() throws Exception {
        Session user = api.register();
        LocalDateTime due = inMinutes(20);
        long moved = create(user, "Moved", due, 0).get("id").longValue();
        long completed = create(user, "Completed", due, 0).get("id").longValue();
        LocalDateTime later = due.plusMinutes(30);
        api.patch("/api/v1/tasks/" + moved, Map.of("dueDate", later.toLocalDate().toString(),
                "dueTime", later.toLocalTime().toString()), user.accessToken());
        api.patch("/api/v1/tasks/" + completed, Map.of("status", "done"), user.accessToken());

        try (SseClient stream = SseClient.open(base, user.accessToken(), null)) {
            clock.advance(Duration.between(clock.instant(), due.toInstant(ZoneOffset.UTC)).plusSeconds(1));
            assertThat(nextReminder(stream, STAYS_QUIET)).as("neither fires at the old time").isNull();

            clock.advance(Duration.ofMinutes(30));
            JsonNode reminder = nextReminder(stream, FIRES_WITHIN);

            assertThat(reminder.get("taskId").longValue()).isEqualTo(moved);
            assertThat(nextReminder(stream, STAYS_QUIET)).as("the completed task's never fires").isNull();
        }
    }

    @Test
    void aReminderWhoseTimePassedUnseenFiresLateAndAReminderSetInThePastNever() throws Exception {
        Session user = api.register();
        LocalDateTime due = inMinutes(15);
        long task = create(user, "Missed", due, 0).get("id").longValue();
        create(user, "Already past", inMinutes(-60), 0);

        try (SseClient stream = SseClient.open(base, user.accessToken(), null)) {
            // As if no server ran from before the reminder until two hours later.
            clock.advance(Duration.ofHours(2));
            JsonNode reminder = nextReminder(stream, FIRES_WITHIN);

            assertThat(reminder.get("taskId").longValue()).isEqualTo(task);
            assertThat(reminder.get("late").booleanValue()).isTrue();
            assertThat(nextReminder(stream, STAYS_QUIET)).isNull();
        }
    }

    @Test
    void usersWhoAskForItAlsoGetTheReminderByEmail() throws Exception {
        Session user = api.register();
        assertThat(api.get("/api/v1/auth/me", user.accessToken()).json().get("user").get("emailReminders")
                .booleanValue()).isFalse();
        JsonNode me = api.patch("/api/v1/auth/me", Map.of("emailReminders", true), user.accessToken()).json();
        assertThat(me.get("user").get("emailReminders").booleanValue()).isTrue();
        Session quiet = api.register();
        LocalDateTime due = inMinutes(12);
        create(user, "Water the plants", due, 0);
        create(quiet, "No mail for this one", due, 0);

        clock.advance(Duration.between(clock.instant(), due.toInstant(ZoneOffset.UTC)).plusSeconds(1));
        MimeMessage mail = mailTo(user.email());

        assertThat(mail.getSubject()).isEqualTo("Reminder: Water the plants");
        assertThat(GreenMailUtil.getBody(mail)).contains("Water the plants", "Due ");
        Thread.sleep(STAYS_QUIET.toMillis());
        assertThat(recipients()).doesNotContain(quiet.email());
    }

    @Test
    void movingToAnotherTimeZoneKeepsTheWallClockTimeOfEveryReminder() throws Exception {
        Session user = api.register();
        LocalDateTime due = inMinutes(240);
        long id = create(user, "Team call", due, 0).get("id").longValue();
        long done = create(user, "Done already", due, 0).get("id").longValue();
        api.patch("/api/v1/tasks/" + done, Map.of("status", "done"), user.accessToken());
        // Three hours ahead of UTC all year, without daylight saving time: the reminder comes an hour from now.
        Instant inNewZone = due.atZone(java.time.ZoneId.of("Europe/Moscow")).toInstant();

        try (SseClient stream = SseClient.open(base, user.accessToken(), null)) {
            assertThat(api.patch("/api/v1/auth/me", Map.of("timeZone", "Europe/Moscow"), user.accessToken()).status())
                    .isEqualTo(200);
            JsonNode task = api.get("/api/v1/tasks/" + id, user.accessToken()).json().get("task");
            assertThat(Instant.parse(task.get("remindAt").stringValue())).isEqualTo(inNewZone);
            assertThat(task.get("dueTime").stringValue()).isEqualTo(due.toLocalTime().toString());
            assertThat(Instant.parse(api.get("/api/v1/tasks/" + done, user.accessToken()).json().get("task")
                    .get("remindAt").stringValue())).as("a done task keeps what it had")
                    .isEqualTo(due.toInstant(ZoneOffset.UTC));
            Frame moved = stream.nextEvent(FIRES_WITHIN);
            assertThat(moved.json().get("type").stringValue()).isEqualTo("TaskUpdated");
            assertThat(moved.json().get("data").get("taskId").longValue()).isEqualTo(id);

            clock.advance(Duration.between(clock.instant(), inNewZone).plusSeconds(1));
            JsonNode reminder = nextReminder(stream, FIRES_WITHIN);
            assertThat(reminder.get("taskId").longValue()).isEqualTo(id);
            assertThat(Instant.parse(reminder.get("remindAt").stringValue())).isEqualTo(inNewZone);
        }
    }

    @Test
    void aReminderNeedsADueDateAndAReasonableLead() {
        Session user = api.register();

        Api.Response noDate = api.post("/api/v1/tasks", Map.of("title", "x", "reminderMinutesBefore", 10),
                user.accessToken());
        Api.Response negative = api.post("/api/v1/tasks", Map.of("title", "x", "dueDate", "2030-01-01",
                "reminderMinutesBefore", -5), user.accessToken());
        Api.Response badTime = api.post("/api/v1/tasks", Map.of("title", "x", "dueDate", "2030-01-01",
                "dueTime", "25:00"), user.accessToken());

        assertThat(noDate.status()).isEqualTo(400);
        assertThat(noDate.json().get("errors").get("reminderMinutesBefore").stringValue())
                .isEqualTo("A reminder needs a due date");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("errors").has("reminderMinutesBefore")).isTrue();
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.json().get("errors").has("dueTime")).isTrue();
        assertThat(api.get("/api/v1/tasks", user.accessToken()).json().get("total").intValue()).isZero();
    }

    /** A whole minute at least {@code minutes} from the clock's now, in UTC (the test users' zone). */
    private LocalDateTime inMinutes(int minutes) {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES)
                .plusMinutes(minutes + 1L);
    }

    private JsonNode create(Session user, String title, LocalDateTime due, int minutesBefore) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("dueDate", due.toLocalDate().toString());
        body.put("dueTime", due.toLocalTime().toString());
        body.put("reminderMinutesBefore", minutesBefore);
        Api.Response response = api.post("/api/v1/tasks", body, user.accessToken());
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("task");
    }

    private static JsonNode nextReminder(SseClient stream, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Frame frame = stream.nextEvent(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (frame != null && frame.event().equals("reminder")) {
                return frame.json();
            }
        }
        return null;
    }

    private static MimeMessage mailTo(String email) throws Exception {
        long deadline = System.nanoTime() + FIRES_WITHIN.toNanos() * 2;
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : SMTP.getReceivedMessages()) {
                if (GreenMailUtil.getAddressList(message.getAllRecipients()).contains(email)
                        && message.getSubject().startsWith("Reminder:")) {
                    return message;
                }
            }
            SMTP.waitForIncomingEmail(100, SMTP.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no reminder mail to " + email);
    }

    /** Who got a reminder email. */
    private static java.util.List<String> recipients() throws Exception {
        java.util.List<String> to = new java.util.ArrayList<>();
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            if (message.getSubject().startsWith("Reminder:")) {
                to.add(GreenMailUtil.getAddressList(message.getAllRecipients()));
            }
        }
        return to;
    }
}
