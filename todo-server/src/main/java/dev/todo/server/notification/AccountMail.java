package dev.todo.server.notification;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.todo.server.account.PasswordResetRequested;
import dev.todo.server.account.UserRegistered;

/** The emails an account receives. Sent after the account change commits, off the request thread. */
@Component
class AccountMail {

    private final MailDelivery delivery;

    AccountMail(MailDelivery delivery) {
        this.delivery = delivery;
    }

    @ApplicationModuleListener
    void welcome(UserRegistered event) {
        delivery.send(event.email(), "Welcome to Todo", """
                Hi %s,

                Welcome to Todo! Your account is ready.

                Please confirm your email address by opening this link (valid for 2 days):
                %s

                If you did not create this account, ignore this email.
                """.formatted(event.name(), event.verificationLink()));
    }

    @ApplicationModuleListener
    void passwordReset(PasswordResetRequested event) {
        delivery.send(event.email(), "Reset your Todo password", """
                Hi %s,

                Someone asked to reset the password of your Todo account. To choose a new one, open
                this link (valid for 1 hour):
                %s

                If it was not you, ignore this email: your password stays as it is.
                """.formatted(event.name(), event.resetLink()));
    }
}
