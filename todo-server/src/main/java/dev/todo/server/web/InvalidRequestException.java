package dev.todo.server.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request with bad fields: answered 400 with a problem detail whose {@code errors} names each bad
 * field (field → message) and whose {@code detail} joins the messages for people.
 */
public class InvalidRequestException extends ErrorResponseException {

    private final Map<String, String> errors;

    public InvalidRequestException(Map<String, String> errors) {
        super(HttpStatus.BAD_REQUEST, problem(errors), null);
        this.errors = Map.copyOf(errors);
    }

    public InvalidRequestException(String field, String message) {
        this(Map.of(field, message));
    }

    public Map<String, String> errors() {
        return errors;
    }

    private static ProblemDetail problem(Map<String, String> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                String.join("; ", errors.values()));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", new LinkedHashMap<>(errors));
        return problem;
    }
}
