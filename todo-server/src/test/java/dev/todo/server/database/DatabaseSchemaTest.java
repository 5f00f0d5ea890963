package dev.todo.server.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.todo.server.Api;
import dev.todo.server.Api.Session;
import dev.todo.server.StartupProblem;
import dev.todo.server.TodoServerApplication;

/** Todo's tables in a schema of their own, on a database that other applications share (issue 9.5). */
class DatabaseSchemaTest {

    /** The tables of V1 to V20 and those later migrations add (V21: the events of Phase V). */
    private static final java.util.List<String> ALL_TABLES = java.util.stream.Stream.concat(
            DatabaseSchema.TABLES_IN_PUBLIC_BEFORE_THE_SCHEMA.stream(),
            DatabaseSchema.TABLES_OF_LATER_MIGRATIONS.stream()).toList();


    private static EmbeddedPostgres postgres;

    @TempDir
    static Path home;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    /** A fresh database {@code name}, owned by the superuser, with another application's table in public. */
    private static void createDatabaseWithAnotherAppsTables(String name) throws SQLException {
        sql("postgres", "CREATE DATABASE " + name);
        sql(name, "CREATE TABLE public.users (login text PRIMARY KEY, shoe_size int)",
                "INSERT INTO public.users VALUES ('someone else', 44)",
                "CREATE TABLE public.orders (id serial PRIMARY KEY, item text)",
                "INSERT INTO public.orders (item) VALUES ('boots')");
    }

    private static ConfigurableApplicationContext start(String database, String user, String... properties) {
        String[] args = Stream.concat(Stream.of("server.port=0", "todo.public-url=http://todo.test", "todo.home=" + home,
                                "todo.database.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database,
                                "todo.database.username=" + user, "todo.database.password=secret"),
                        Stream.of(properties))
                .map(p -> "--" + p).toArray(String[]::new);
        return new SpringApplicationBuilder(TodoServerApplication.class).run(args);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    @Test
    void todoStartsBesideAnotherApplicationsTablesInPublicAndLeavesThemAlone() throws Exception {
        createDatabaseWithAnotherAppsTables("shared");
        try (ConfigurableApplicationContext context = start("shared", "postgres")) {
            Api api = api(context);
            Session user = api.register();
            assertThat(api.post("/api/v1/tasks", Map.of("title", "Beside the others"), user.accessToken()).status())
                    .isEqualTo(201);
        }
        assertThat(tables("shared", "public")).containsExactlyInAnyOrder("orders", "users");
        assertThat(rows("shared", "SELECT login || ' ' || shoe_size FROM public.users")).containsExactly("someone else 44");
        assertThat(rows("shared", "SELECT item FROM public.orders")).containsExactly("boots");
        assertThat(tables("shared", "todo")).containsExactlyInAnyOrderElementsOf(ALL_TABLES);
        assertThat(rows("shared", "SELECT count(*) FROM todo.tasks")).containsExactly("1");
    }

    @Test
    void anInstallationFromBeforeTheSchemaIsMovedIntoItWithItsData() throws Exception {
        sql("postgres", "CREATE DATABASE old_install");
        // What every installation before issue 9 was: Flyway's history and all tables in public.
        Session user;
        try (ConfigurableApplicationContext old = start("old_install", "postgres", "todo.database.schema=public")) {
            user = api(old).register();
            assertThat(api(old).post("/api/v1/tasks", Map.of("title", "Made before the move"), user.accessToken()).status())
                    .isEqualTo(201);
        }
        sql("old_install", "CREATE TABLE public.orders (id serial PRIMARY KEY, item text)");
        assertThat(tables("old_install", "public")).contains("flyway_schema_history", "tasks", "users");

        try (ConfigurableApplicationContext moved = start("old_install", "postgres")) {
            Api api = api(moved);
            var tasks = api.get("/api/v1/tasks", user.accessToken());
            assertThat(tasks.status()).as("the account and its tokens came along").isEqualTo(200);
            assertThat(tasks.json().get("tasks").get(0).get("title").stringValue()).isEqualTo("Made before the move");
            assertThat(api.post("/api/v1/tasks", Map.of("title", "After the move"), user.accessToken()).status())
                    .as("the task id sequence moved too").isEqualTo(201);
        }
        assertThat(tables("old_install", "public")).containsExactly("orders");
        assertThat(tables("old_install", "todo")).containsExactlyInAnyOrderElementsOf(ALL_TABLES);
        assertThat(rows("old_install", "SELECT count(*) FROM todo.flyway_schema_history WHERE success AND version IS NOT NULL"))
                .as("no migration ran twice").containsExactly(Integer.toString(migrations()));
    }

    @Test
    void aUserThatMayNotCreateTheSchemaGetsOneSentenceSayingWhatToDo() throws Exception {
        createDatabaseWithAnotherAppsTables("locked");
        sql("postgres", "CREATE ROLE plain LOGIN PASSWORD 'secret'", "GRANT CONNECT ON DATABASE locked TO plain");

        assertThatThrownBy(() -> start("locked", "plain").close())
                .satisfies(failure -> {
                    StartupProblem problem = causeOfType(failure, StartupProblem.class);
                    assertThat(problem).as("a StartupProblem in %s", failure).isNotNull();
                    assertThat(problem.getMessage())
                            .isEqualTo("The database user 'plain' may not create the schema 'todo' that Todo keeps its"
                                    + " tables in: grant it CREATE on the database (GRANT CREATE ON DATABASE locked TO"
                                    + " \"plain\"), or create the schema for it (CREATE SCHEMA todo AUTHORIZATION"
                                    + " \"plain\") or name one it owns in TODO_DATABASE_SCHEMA.");
                });
        assertThat(tables("locked", "public")).containsExactlyInAnyOrder("orders", "users");

        // Doing what the sentence says is enough.
        sql("locked", "CREATE SCHEMA todo AUTHORIZATION plain");
        try (ConfigurableApplicationContext context = start("locked", "plain")) {
            assertThat(api(context).get("/ready", null).status()).isEqualTo(200);
        }
    }

    @Test
    void theSchemaCanBeNamed() throws Exception {
        createDatabaseWithAnotherAppsTables("named");
        try (ConfigurableApplicationContext context = start("named", "postgres", "todo.database.schema=todo_app")) {
            api(context).register();
        }
        assertThat(rows("named", "SELECT count(*) FROM todo_app.users")).containsExactly("1");
        assertThat(tables("named", "todo")).isEmpty();
        assertThat(tables("named", "public")).containsExactlyInAnyOrder("orders", "users");
    }

    @Test
    void aSchemaNameThatIsNotAPlainIdentifierStopsTheStartWithOneSentence() {
        assertThatThrownBy(() -> start("postgres", "postgres", "todo.database.schema=Todo; DROP TABLE x").close())
                .satisfies(failure -> assertThat(causeOfType(failure, StartupProblem.class).getMessage())
                        .startsWith("TODO_DATABASE_SCHEMA (todo.database.schema) must be a schema name"));
    }

    private static int migrations() {
        return new java.io.File("src/main/resources/db/migration").list().length;
    }

    private static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database, "postgres", "");
    }

    private static void sql(String database, String... statements) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static List<String> tables(String database, String schema) throws SQLException {
        return rows(database, "SELECT tablename FROM pg_tables WHERE schemaname = '" + schema + "'");
    }

    private static List<String> rows(String database, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = connect(database); ResultSet rows = connection.createStatement().executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
