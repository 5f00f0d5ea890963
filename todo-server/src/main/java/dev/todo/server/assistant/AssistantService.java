package dev.todo.server.assistant;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import dev.todo.server.account.AccountProfiles;
import dev.todo.server.web.InvalidRequestException;

/**
 * One exchange with the assistant: check the request, store the user's message (before anything else, so
 * an acknowledged message is never lost), let the {@link Agent} answer, store the answer with its tool
 * calls. Holds no state between requests.
 */
@Service
class AssistantService {

    static final int MESSAGE_MAX_LENGTH = 2000;
    private static final Logger log = LoggerFactory.getLogger(AssistantService.class);

    private final Conversations conversations;
    private final Agent agent;
    private final AccountProfiles profiles;
    private final Clock clock;

    AssistantService(Conversations conversations, Agent agent, AccountProfiles profiles, Clock clock) {
        this.conversations = conversations;
        this.agent = agent;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** A user message stored and ready to be answered. */
    record Exchange(UUID userId, Conversations.Summary conversation, List<Conversations.StoredMessage> history,
                    String message, ZoneId zone) {
    }

    /** The stored answer. */
    record Reply(UUID messageId, String text, List<ToolCallRecord> toolCalls) {
    }

    /** The assistant could not answer; what it said about it is stored as its reply. */
    static final class Unavailable extends RuntimeException {

        private final HttpStatus status;
        private final transient Reply reply;

        Unavailable(HttpStatus status, Reply reply) {
            super(reply.text());
            this.status = status;
            this.reply = reply;
        }

        HttpStatus status() {
            return status;
        }

        Reply reply() {
            return reply;
        }
    }

    /** Checks the request and stores the message; bad input changes nothing. */
    Exchange begin(UUID userId, String rawMessage, String conversationId, String timezone) {
        String message = rawMessage == null ? "" : rawMessage.strip();
        if (message.isEmpty()) {
            throw new InvalidRequestException("message", "Message is required");
        }
        if (message.length() > MESSAGE_MAX_LENGTH) {
            throw new InvalidRequestException("message", "Message must be at most " + MESSAGE_MAX_LENGTH + " characters");
        }
        ZoneId zone = zone(userId, timezone);
        Conversations.Summary conversation;
        List<Conversations.StoredMessage> history;
        if (conversationId == null || conversationId.isBlank()) {
            conversation = conversations.create(userId, message);
            history = List.of();
        } else {
            conversation = conversations.find(userId, parseId(conversationId)).orElseThrow(() ->
                    new ResponseStatusException(HttpStatus.NOT_FOUND, "Conversation not found"));
            history = conversations.messages(conversation.id(), Agent.HISTORY_LIMIT);
        }
        conversations.append(conversation.id(), "user", message, List.of());
        return new Exchange(userId, conversation, history, message, zone);
    }

    /** Lets the agent answer, as the user, through the MCP endpoint at {@code mcpBaseUrl}; stores the answer. */
    Reply answer(Exchange exchange, String mcpBaseUrl, String accessToken, Agent.Listener listener) {
        LocalDate today = LocalDate.now(clock.withZone(exchange.zone()));
        Agent.Request request = new Agent.Request(mcpBaseUrl, accessToken, exchange.history(), exchange.message(),
                today, exchange.zone());
        try {
            Agent.Answer answer = agent.answer(request, listener);
            String text = answer.text().isEmpty() ? "Done." : answer.text();
            return store(exchange, text, answer.toolCalls());
        } catch (Agent.Failure failure) {
            ProviderErrors.Explained explained = ProviderErrors.explain(failure.getCause());
            log.warn("Assistant could not answer: {}", explained.message(), failure.getCause());
            Reply reply = store(exchange, explained.message(), failure.partial().toolCalls());
            throw new Unavailable(explained.status(), reply);
        }
    }

    private Reply store(Exchange exchange, String text, List<ToolCallRecord> toolCalls) {
        Conversations.StoredMessage stored = conversations.append(exchange.conversation().id(), "assistant", text, toolCalls);
        return new Reply(stored.id(), text, toolCalls);
    }

    private ZoneId zone(UUID userId, String timezone) {
        if (timezone == null || timezone.isBlank()) {
            return profiles.timeZone(userId);
        }
        try {
            return ZoneId.of(timezone.strip());
        } catch (DateTimeException e) {
            throw new InvalidRequestException("timezone", "'" + timezone + "' is not a time zone like Europe/Paris");
        }
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("conversationId", "conversationId must be the id of one of your conversations");
        }
    }
}
