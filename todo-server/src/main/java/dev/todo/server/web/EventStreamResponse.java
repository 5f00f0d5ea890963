package dev.todo.server.web;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.http.HttpServletResponse;

/** Starts a server-sent events response (the chat's and the task events' streams), written and flushed by hand. */
public final class EventStreamResponse {

    private EventStreamResponse() {
    }

    /** Sets the status and headers of a stream and returns its writer. */
    public static PrintWriter start(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        // Proxies such as nginx must pass each event on at once.
        response.setHeader("X-Accel-Buffering", "no");
        return response.getWriter();
    }
}
