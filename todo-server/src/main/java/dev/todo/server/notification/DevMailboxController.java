package dev.todo.server.notification;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The dev mailbox: the mail the server would have sent, when no SMTP server is configured. It holds
 * verification and reset links, so only this machine may read it, and it is gone once SMTP is set.
 */
@RestController
class DevMailboxController {

    private final MailDelivery delivery;

    DevMailboxController(MailDelivery delivery) {
        this.delivery = delivery;
    }

    @GetMapping("/dev/mailbox")
    Map<String, List<Mail>> mailbox(HttpServletRequest request) {
        if (delivery.usesSmtp()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Mail is sent through SMTP; there is no dev mailbox");
        }
        if (!isLoopback(request.getRemoteAddr())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "The dev mailbox is only readable from this machine");
        }
        return Map.of("messages", delivery.mailbox());
    }

    private static boolean isLoopback(String address) {
        return address.startsWith("127.") || address.equals("0:0:0:0:0:0:0:1") || address.equals("::1");
    }
}
