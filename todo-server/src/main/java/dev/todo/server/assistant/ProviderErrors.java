package dev.todo.server.assistant;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.errors.UnprocessableEntityException;
import io.modelcontextprotocol.spec.McpError;
import org.springframework.http.HttpStatus;

/**
 * Why the assistant could not answer, in words for the person chatting: the model provider's errors and
 * time-outs, or the task tools being out of reach. Never a stack trace, never the provider's raw body.
 */
final class ProviderErrors {

    private static final String API_KEY = "The AI provider refused the server's API key. "
            + "Whoever runs Todo should check OPENAI_API_KEY.";
    private static final String REJECTED = "The AI provider could not take this conversation. "
            + "Start a new conversation and try again.";
    private static final String UNREACHABLE = "Could not reach the AI provider. Please try again later.";

    private ProviderErrors() {
    }

    /** The message to show and the HTTP status a JSON caller gets (502, or 504 for a time-out). */
    record Explained(HttpStatus status, String message) {
    }

    static Explained explain(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            Explained explained = one(e);
            if (explained != null) {
                return explained;
            }
        }
        return new Explained(HttpStatus.BAD_GATEWAY, "The assistant could not answer just now ("
                + failure.getClass().getSimpleName() + "). Please try again.");
    }

    private static Explained one(Throwable e) {
        return switch (e) {
            case UnauthorizedException u -> gateway(API_KEY);
            case PermissionDeniedException p -> gateway(API_KEY);
            case RateLimitException r -> gateway("The AI provider is busy right now (too many requests). "
                    + "Please try again in a minute.");
            case NotFoundException n -> gateway("The AI provider does not offer the configured model. "
                    + "Whoever runs Todo should check TODO_AI_MODEL.");
            case BadRequestException b -> gateway(REJECTED);
            case UnprocessableEntityException u -> gateway(REJECTED);
            case InternalServerException i -> gateway("The AI provider had an error (HTTP " + i.statusCode()
                    + "). Please try again in a moment.");
            case OpenAIServiceException s -> gateway("The AI provider answered with an error (HTTP " + s.statusCode()
                    + "). Please try again in a moment.");
            case InterruptedIOException t -> timeout();
            case TimeoutException t -> timeout();
            case IllegalStateException s when String.valueOf(s.getMessage()).startsWith("Timeout on blocking read") ->
                    timeout();
            case ConnectException c -> gateway(UNREACHABLE);
            case OpenAIIoException io when io.getCause() == null -> gateway(UNREACHABLE);
            case McpError m -> gateway("The assistant could not reach your tasks just now. Please try again.");
            default -> null;
        };
    }

    private static Explained gateway(String message) {
        return new Explained(HttpStatus.BAD_GATEWAY, message);
    }

    private static Explained timeout() {
        return new Explained(HttpStatus.GATEWAY_TIMEOUT, "The AI provider did not answer in time. Please try again.");
    }
}
