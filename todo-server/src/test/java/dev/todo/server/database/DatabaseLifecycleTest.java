package dev.todo.server.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.todo.server.Api;
import dev.todo.server.Api.Response;
import dev.todo.server.Api.Session;
import dev.todo.server.TodoServerApplication;

/** Whole servers started and stopped by the test, to see what survives a restart and what a lost database does. */
class DatabaseLifecycleTest {

    /** Properties as command-line arguments, which win over the build's system properties and the defaults. */
    private static ConfigurableApplicationContext start(String... properties) {
        String[] args = java.util.stream.Stream.concat(
                        java.util.stream.Stream.of("server.port=0", "todo.public-url=http://todo.test"),
                        java.util.Arrays.stream(properties))
                .map(p -> "--" + p).toArray(String[]::new);
        return new SpringApplicationBuilder(TodoServerApplication.class).run(args);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    @Test
    void tasksAndTokensSurviveARestartOfTheEmbeddedDefault(@TempDir Path home) throws Exception {
        Session session;
        try (ConfigurableApplicationContext first = start("todo.home=" + home)) {
            Api api = api(first);
            session = api.register();
            assertThat(api.post("/api/v1/tasks", Map.of("title", "Survive a restart"), session.accessToken()).status())
                    .isEqualTo(201);
        }
        Path secret = home.resolve("jwt-secret");
        assertThat(secret).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
        assertThat(home.resolve("postgres/postgresql.conf")).exists();

        try (ConfigurableApplicationContext second = start("todo.home=" + home)) {
            Response tasks = api(second).get("/api/v1/tasks", session.accessToken());

            assertThat(tasks.status()).as("the access token of the first run is still valid").isEqualTo(200);
            assertThat(tasks.json().get("tasks").get(0).get("title").stringValue()).isEqualTo("Survive a restart");
        }
    }

    @Test
    void aSecondServerOnTheSameDataHomeRefusesToStart(@TempDir Path home) {
        try (ConfigurableApplicationContext first = start("todo.home=" + home)) {
            assertThatThrownBy(() -> start("todo.home=" + home).close())
                    .hasStackTraceContaining("Cannot start the embedded PostgreSQL in " + home.resolve("postgres"));
            assertThat(api(first).get("/ready", null).status()).as("the first one is unharmed").isEqualTo(200);
        }
    }

    @Test
    void aDatabaseUrlIsUsedAndReadinessFollowsTheDatabase(@TempDir Path home) throws Exception {
        EmbeddedPostgres external = EmbeddedPostgres.start();
        try (ConfigurableApplicationContext context = start("todo.home=" + home,
                "todo.database.url=postgresql://postgres@localhost:" + external.getPort() + "/postgres?sslmode=disable",
                "todo.database.connection-timeout=1s")) {
            Api api = api(context);
            api.register();
            assertThat(api.get("/ready", null).status()).isEqualTo(200);
            try (var connection = external.getPostgresDatabase().getConnection();
                 var rows = connection.createStatement().executeQuery("SELECT count(*) FROM todo.users")) {
                rows.next();
                assertThat(rows.getInt(1)).as("the account went to the database of the URL").isEqualTo(1);
            }

            external.close();

            Response ready = api.get("/ready", null);
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json().get("status").stringValue()).isEqualTo("DOWN");
            assertThat(api.get("/health", null).status()).as("the process itself is alive").isEqualTo(200);
        } finally {
            external.close();
        }
    }
}
