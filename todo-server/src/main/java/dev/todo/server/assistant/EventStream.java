package dev.todo.server.assistant;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Server-sent events written straight to the response, one JSON object per event, flushed at once. The
 * request's (virtual) thread writes while the agent works. A client that goes away does not stop the
 * answer: the turn finishes and is stored, so the conversation shows it on the next visit.
 */
final class EventStream {

    private final PrintWriter out;
    private final JsonMapper json;
    private boolean gone;

    EventStream(HttpServletResponse response, JsonMapper json) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        // Proxies such as nginx must pass each event on at once.
        response.setHeader("X-Accel-Buffering", "no");
        this.out = response.getWriter();
        this.json = json;
    }

    synchronized void send(String event, Object data) {
        if (gone) {
            return;
        }
        out.write("event: " + event + "\ndata: " + json.writeValueAsString(data) + "\n\n");
        out.flush();
        gone = out.checkError();
    }
}
