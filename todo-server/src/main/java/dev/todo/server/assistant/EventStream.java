package dev.todo.server.assistant;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import dev.todo.server.web.EventStreamResponse;

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
        this.out = EventStreamResponse.start(response);
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
