package dev.todo.server.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.todo.server.StartupProblem;

class DatabaseUrlTest {

    @Test
    void readsTheLibpqFormNeonGives() {
        DatabaseUrl url = DatabaseUrl.parse(
                "postgresql://alex:s%40cret@ep-cool-name-123.eu-central-1.aws.neon.tech/todo?sslmode=require&channel_binding=require",
                "", "");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://ep-cool-name-123.eu-central-1.aws.neon.tech/todo?sslmode=require");
        assertThat(url.username()).isEqualTo("alex");
        assertThat(url.password()).isEqualTo("s@cret");
    }

    @Test
    void keepsThePortAndDefaultsTheDatabase() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://db.internal:6543", null, null);

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/postgres");
        assertThat(url.username()).isNull();
    }

    @Test
    void separateCredentialsWinOverTheUrls() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://a:b@host/db", "other", "secret");

        assertThat(url.username()).isEqualTo("other");
        assertThat(url.password()).isEqualTo("secret");
    }

    @Test
    void takesAJdbcUrlAsItIs() {
        DatabaseUrl url = DatabaseUrl.parse(" jdbc:postgresql://host:5432/db?ssl=true ", "u", "p");

        assertThat(url).isEqualTo(new DatabaseUrl("jdbc:postgresql://host:5432/db?ssl=true", "u", "p"));
    }

    @Test
    void refusesOtherSchemesWithoutShowingThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:hunter2@host/db", null, null))
                .isInstanceOf(StartupProblem.class)
                .hasMessageContaining("mysql://***@host/db")
                .hasMessageNotContaining("hunter2");
    }
}
