package dev.todo.server.account;

import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

/** What other features may ask about a user. */
@Service
public class AccountProfiles {

    private final Users users;

    AccountProfiles(Users users) {
        this.users = users;
    }

    /** The user's time zone, which decides what "today" is for them; UTC when unknown. */
    public ZoneId timeZone(UUID userId) {
        return users.findById(userId).map(u -> ZoneId.of(u.account().timeZone())).orElse(ZoneId.of("UTC"));
    }

    /** The user if they asked for reminders by email; empty otherwise or when unknown. */
    public Optional<Account> reminderRecipient(UUID userId) {
        return users.findById(userId).map(Users.StoredUser::account).filter(Account::emailReminders);
    }
}
