package dev.todo.server.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.UUID;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.todo.server.Api;
import dev.todo.server.TodoServerApplication;

/** A registration committed while the mail server was down still gets its welcome mail after a restart. */
class MailAfterRestartTest {

    private static ConfigurableApplicationContext start(Path home, int smtpPort) {
        return new SpringApplicationBuilder(TodoServerApplication.class).run("--server.port=0",
                "--todo.home=" + home, "--spring.mail.host=localhost", "--spring.mail.port=" + smtpPort,
                "--spring.mail.properties.mail.smtp.connectiontimeout=1000");
    }

    @Test
    void aMailThatFailedIsSentAfterTheNextStart(@TempDir Path home) throws Exception {
        int smtpPort;
        try (ServerSocket free = new ServerSocket(0)) {
            smtpPort = free.getLocalPort();
        }
        String email = "restart-" + UUID.randomUUID() + "@example.com";
        try (ConfigurableApplicationContext first = start(home, smtpPort)) {
            // Nothing listens on the SMTP port: the send fails, or the server stops before trying.
            new Api(Integer.parseInt(first.getEnvironment().getProperty("local.server.port"))).register(email, "UTC");
        }

        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "localhost", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        try (ConfigurableApplicationContext second = start(home, smtpPort)) {
            assertThat(smtp.waitForIncomingEmail(10_000, 1)).as("the welcome mail arrives after the restart").isTrue();
            assertThat(GreenMailUtil.getAddressList(smtp.getReceivedMessages()[0].getAllRecipients())).isEqualTo(email);
            assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Welcome to Todo");
        } finally {
            smtp.stop();
        }
    }
}
