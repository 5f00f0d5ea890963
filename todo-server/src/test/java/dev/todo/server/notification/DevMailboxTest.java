package dev.todo.server.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import dev.todo.server.Api;
import dev.todo.server.ApiTest;

/** Without SMTP the mail goes to the dev mailbox, where a developer can follow its links. */
@ApiTest
class DevMailboxTest {

    private final Api api;

    DevMailboxTest(@LocalServerPort int port) {
        this.api = new Api(port);
    }

    @Test
    void theWelcomeMailLandsInTheDevMailbox() throws InterruptedException {
        String email = "mailbox-" + UUID.randomUUID() + "@example.com";
        api.register(email, "UTC");

        JsonNode mail = null;
        for (int attempt = 0; attempt < 100 && mail == null; attempt++) {
            for (JsonNode message : api.get("/dev/mailbox", null).json().get("messages").values()) {
                if (message.get("to").stringValue().equals(email)) {
                    mail = message;
                }
            }
            Thread.sleep(50);
        }

        assertThat(mail).as("mail to " + email).isNotNull();
        assertThat(mail.get("subject").stringValue()).isEqualTo("Welcome to Todo");
        assertThat(mail.get("body").stringValue()).contains("http://todo.test/api/v1/auth/verify-email?token=");
        assertThat(mail.get("sentAt").stringValue()).isNotBlank();
    }
}
