package dev.todo.server.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.todo.server.TodoServerApplication;

/** A database the server cannot use ends the start with one sentence that says why, not a stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseUnreachableTest {

    private static void start(Path home, String url) {
        start(home, url, "todo");
    }

    private static void start(Path home, String url, String username) {
        new SpringApplicationBuilder(TodoServerApplication.class).run("--server.port=0", "--todo.home=" + home,
                "--todo.database.url=" + url, "--todo.database.username=" + username, "--todo.database.password=secret");
    }

    @Test
    void aDatabaseNobodyAnswersAtIsNamedInOneSentence(@TempDir Path home, CapturedOutput output) {
        assertThatThrownBy(() -> start(home, "jdbc:postgresql://127.0.0.1:1/todo")).isInstanceOf(RuntimeException.class);

        assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
                .contains("Cannot connect to the database (DATABASE_URL): Connection to 127.0.0.1:1 refused")
                .contains("Check the host, port and database name in DATABASE_URL")
                .doesNotContain("at org.flywaydb");
    }

    @Test
    void aDatabaseThatDoesNotExistIsNamedInOneSentence(@TempDir Path home, CapturedOutput output) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/no_such_database";
            assertThatThrownBy(() -> start(home, url, "postgres")).isInstanceOf(RuntimeException.class);
        }

        assertThat(output.getOut()).contains("The database named in DATABASE_URL does not exist")
                .contains("no_such_database").doesNotContain("at org.flywaydb");
    }

    @Test
    void aUserTheDatabaseDoesNotKnowIsNamedInOneSentence(@TempDir Path home, CapturedOutput output) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
            assertThatThrownBy(() -> start(home, url, "nobody_here")).isInstanceOf(RuntimeException.class);
        }

        assertThat(output.getOut()).contains("The database refused the sign-in (DATABASE_USERNAME / DATABASE_PASSWORD)")
                .contains("role \"nobody_here\" does not exist").doesNotContain("at org.flywaydb");
    }

    @Test
    void aUrlOfAnotherKindIsRefusedInOneSentence(@TempDir Path home, CapturedOutput output) {
        assertThatThrownBy(() -> start(home, "mysql://db:3306/todo")).isInstanceOf(RuntimeException.class);

        assertThat(output.getOut()).contains("DATABASE_URL must start with postgresql://, postgres:// or jdbc:postgresql://")
                .doesNotContain("\tat ");
    }
}
