package dev.todo.server.task;

import java.util.UUID;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The correlation id of the events of one request: the caller's {@code X-Correlation-Id} header when it is
 * a sensible token, else one made up for the request and shared by all the events it causes.
 */
final class CorrelationId {

    static final String HEADER = "X-Correlation-Id";
    private static final String ATTRIBUTE = CorrelationId.class.getName();

    private CorrelationId() {
    }

    static String current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return UUID.randomUUID().toString();
        }
        Object known = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (known instanceof String id) {
            return id;
        }
        String id = fromHeader(request);
        request.setAttribute(ATTRIBUTE, id, RequestAttributes.SCOPE_REQUEST);
        return id;
    }

    private static String fromHeader(RequestAttributes request) {
        if (request instanceof org.springframework.web.context.request.ServletRequestAttributes servlet) {
            String given = servlet.getRequest().getHeader(HEADER);
            if (given != null && given.matches("[A-Za-z0-9._:-]{1,100}")) {
                return given;
            }
        }
        return UUID.randomUUID().toString();
    }
}
