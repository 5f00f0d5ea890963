package dev.todo.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The Todo server: the HTTP API behind the web app, on PostgreSQL. Async: mail leaves off the request
 * thread; scheduled: expired tokens are pruned.
 */
@SpringBootApplication
@EnableAsync
@EnableScheduling
public class TodoServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(TodoServerApplication.class, args);
    }
}
