package dev.todo.server.notification;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.todo.server.account.AccountProfiles;
import dev.todo.server.reminder.ReminderDue;

/** A reminder by email, for users who turned it on in Settings (reminders reach their open apps regardless). */
@Component
class ReminderMail {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", Locale.ENGLISH);

    private final MailDelivery delivery;
    private final AccountProfiles profiles;

    ReminderMail(MailDelivery delivery, AccountProfiles profiles) {
        this.delivery = delivery;
        this.profiles = profiles;
    }

    @ApplicationModuleListener
    void remind(ReminderDue reminder) {
        profiles.reminderRecipient(reminder.userId()).ifPresent(account -> {
            ZoneId zone = ZoneId.of(account.timeZone());
            delivery.send(account.email(), "Reminder: " + reminder.title(), """
                    %s

                    Due %s (%s).%s

                    You get these emails because reminder emails are on in Todo's Settings.
                    """.formatted(reminder.title(), WHEN.format(reminder.dueAt().atZone(zone)), zone.getId(),
                    reminder.late() ? "\n\nThis reminder is late: Todo was not running at its time." : ""));
        });
    }
}
