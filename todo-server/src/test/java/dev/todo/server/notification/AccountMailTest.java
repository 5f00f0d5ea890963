package dev.todo.server.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.todo.server.Api;
import dev.todo.server.Api.Response;
import dev.todo.server.Api.Session;

/** The account emails, sent through a real SMTP server (GreenMail) and read back from it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountMailTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            // One server for the class: it must be up before the application context reads its port.
            .withPerMethodLifecycle(false);

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    private final Api api;
    private final JdbcClient db;

    AccountMailTest(@LocalServerPort int port, JdbcClient db) {
        this.api = new Api(port);
        this.db = db;
    }

    private MimeMessage mailTo(String email) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            for (MimeMessage message : SMTP.getReceivedMessages()) {
                if (GreenMailUtil.getAddressList(message.getAllRecipients()).contains(email)) {
                    return message;
                }
            }
            SMTP.waitForIncomingEmail(100, SMTP.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no mail to " + email);
    }

    private static String token(MimeMessage message) {
        Matcher matcher = TOKEN.matcher(GreenMailUtil.getBody(message));
        assertThat(matcher.find()).as("the mail carries a link with a token").isTrue();
        return matcher.group(1);
    }

    @Test
    void registrationSendsAWelcomeMailWhoseLinkVerifiesTheAddress() throws Exception {
        Session session = api.register("welcome-" + UUID.randomUUID() + "@example.com", "UTC");

        MimeMessage welcome = mailTo(session.email());

        assertThat(welcome.getSubject()).isEqualTo("Welcome to Todo");
        assertThat(GreenMailUtil.getAddressList(welcome.getFrom())).contains("no-reply@todo.local");
        String body = GreenMailUtil.getBody(welcome);
        assertThat(body).contains("http://todo.test/api/v1/auth/verify-email?token=");
        String token = token(welcome);

        assertThat(pendingEventsMentioning(session.email())).as("a sent mail leaves no pending event").isZero();

        Response verified = api.get("/api/v1/auth/verify-email?token=" + token, null);
        assertThat(verified.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/auth/me", session.accessToken()).json().get("user").get("emailVerified")
                .booleanValue()).isTrue();
        Response again = api.post("/api/v1/auth/verify-email", Map.of("token", token), null);
        assertThat(again.status()).as("a link works once").isEqualTo(400);
        assertThat(again.json().get("detail").stringValue()).isEqualTo("This verification link is invalid, used or expired");
    }

    @Test
    void aPasswordResetMailLetsTheOwnerChooseANewPasswordAndEndsOldSessions() throws Exception {
        Session session = api.register("reset-" + UUID.randomUUID() + "@example.com", "UTC");
        mailTo(session.email());
        SMTP.purgeEmailFromAllMailboxes();

        Response requested = api.post("/api/v1/auth/password-reset", Map.of("email", session.email().toUpperCase()), null);
        assertThat(requested.status()).isEqualTo(202);
        MimeMessage mail = mailTo(session.email());
        assertThat(mail.getSubject()).isEqualTo("Reset your Todo password");
        String token = token(mail);

        Response tooShort = api.post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "password", "short"), null);
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().get("errors").get("password").stringValue())
                .isEqualTo("Password must be at least 8 characters");

        Response confirmed = api.post("/api/v1/auth/password-reset/confirm",
                Map.of("token", token, "password", "a brand new one"), null);
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/login", Map.of("email", session.email(), "password", "correct horse"), null)
                .status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/login", Map.of("email", session.email(), "password", "a brand new one"), null)
                .status()).isEqualTo(200);
        assertThat(api.send("POST", "/api/v1/auth/refresh", null, null,
                Map.of("Authorization", "Bearer " + session.refreshToken())).status())
                .as("sign-ins from before the reset are over").isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", session.accessToken()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/password-reset/confirm",
                Map.of("token", token, "password", "yet another one"), null).status()).as("the link works once")
                .isEqualTo(400);
    }

    @Test
    void aResetForAnUnknownEmailLooksTheSameAndSendsNothing() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();

        Response response = api.post("/api/v1/auth/password-reset", Map.of("email", "nobody-" + UUID.randomUUID()
                + "@example.com"), null);

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().get("message").stringValue())
                .isEqualTo("If an account exists for this email, a reset link was sent to it");
        assertThat(SMTP.waitForIncomingEmail(500, 1)).isFalse();
    }

    /** Runs last: it stops the SMTP server (a restarted one would listen on another port). */
    @Test
    @Order(Integer.MAX_VALUE)
    void aMailThatCannotBeSentStaysInTheRegistryToBeSentAgain() throws Exception {
        SMTP.stop();
        String email = "later-" + UUID.randomUUID() + "@example.com";

        api.register(email, "UTC");

        long pending = 0;
        for (int attempt = 0; attempt < 100 && pending == 0; attempt++) {
            pending = pendingEventsMentioning(email);
        }
        assertThat(pending).as("the failed welcome mail is kept").isEqualTo(1);
    }

    private long pendingEventsMentioning(String email) throws InterruptedException {
        // Completion happens right after the listener returns; give it a moment.
        Thread.sleep(200);
        return db.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :email")
                .param("email", "%" + email + "%").query(Long.class).single();
    }

    @Test
    void thereIsNoDevMailboxWhenSmtpIsConfigured() {
        assertThat(api.get("/dev/mailbox", null).status()).isEqualTo(404);
    }
}
