package dev.todo.server;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the person who ran {@code ./todo serve} where to point the browser, once requests are served. */
@Component
class ReadyMessage {

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
            System.out.println("Todo is running at http://localhost:" + web.getWebServer().getPort());
        }
    }
}
