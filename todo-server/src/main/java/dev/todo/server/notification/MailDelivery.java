package dev.todo.server.notification;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends mail through SMTP when {@code spring.mail.host} is set. Without SMTP (the embedded default),
 * mail is written to the log and kept in the dev mailbox, so links can be followed on a laptop.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    static final int MAILBOX_SIZE = 100;

    private final JavaMailSender smtp;
    private final String from;
    private final Clock clock;
    private final Deque<Mail> mailbox = new ArrayDeque<>();

    MailDelivery(ObjectProvider<JavaMailSender> smtp, @Value("${todo.mail.from}") String from, Clock clock) {
        this.smtp = smtp.getIfAvailable();
        this.from = from;
        this.clock = clock;
    }

    boolean usesSmtp() {
        return smtp != null;
    }

    void send(String to, String subject, String body) {
        if (smtp != null) {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(to);
            message.setSubject(subject);
            message.setText(body);
            smtp.send(message);
            return;
        }
        log.info("No SMTP server configured (spring.mail.host); mail to {}: {}\n{}", to, subject, body);
        synchronized (mailbox) {
            mailbox.addFirst(new Mail(to, subject, body, clock.instant()));
            while (mailbox.size() > MAILBOX_SIZE) {
                mailbox.removeLast();
            }
        }
    }

    /** The latest mail kept without SMTP, newest first. */
    List<Mail> mailbox() {
        synchronized (mailbox) {
            return List.copyOf(mailbox);
        }
    }
}
