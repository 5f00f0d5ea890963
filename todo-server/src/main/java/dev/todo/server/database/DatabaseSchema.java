package dev.todo.server.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.todo.server.StartupProblem;

/**
 * Todo's tables live in a schema of their own ({@code todo} unless {@code TODO_DATABASE_SCHEMA} says otherwise), so
 * the server starts on a database where other applications keep tables in {@code public}, and never touches them.
 * Made ready before Flyway runs: the schema is created if missing, and an installation from before the schema (its
 * tables and Flyway history in {@code public}) is moved into it, all in one transaction.
 */
final class DatabaseSchema {

    private static final Logger log = LoggerFactory.getLogger(DatabaseSchema.class);

    /** Lower case, so the name means the same quoted (Flyway) and unquoted (search_path); at most 63 bytes. */
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /**
     * The tables Todo created in {@code public} before it had a schema (migrations V1 to V20). Fixed: any later
     * migration runs in the schema already. Moving a table moves its indexes, constraints and owned sequences.
     */
    static final List<String> TABLES_IN_PUBLIC_BEFORE_THE_SCHEMA = List.of("flyway_schema_history", "users", "tasks",
            "refresh_tokens", "account_tokens", "event_publication", "api_tokens", "conversations",
            "conversation_messages", "sign_in_failures");

    /**
     * Tables of migrations after V20: created in the schema, unless an installation ran them with {@code public} as
     * its schema (TODO_DATABASE_SCHEMA=public); then they move along with the others.
     */
    static final List<String> TABLES_OF_LATER_MIGRATIONS = List.of("outbox", "published_events", "task_events", "reminders");

    /** An advisory lock key of Todo's own (the bytes of "todoschm"). */
    private static final long PREPARE_LOCK = 0x746f646f7363686dL;

    private static final String FIRST_MIGRATION = "V1__accounts_and_tasks.sql";

    private DatabaseSchema() {
    }

    /** The setting's value if it is a usable schema name, else a {@link StartupProblem} saying what is wrong. */
    static String checkedName(String schema) {
        String name = schema == null ? "" : schema.strip();
        if (!NAME.matcher(name).matches()) {
            throw new StartupProblem("TODO_DATABASE_SCHEMA (todo.database.schema) must be a schema name of lower-case"
                    + " letters, digits and underscores, starting with a letter or underscore, at most 63 long (got '"
                    + schema + "').");
        }
        return name;
    }

    /** Creates the schema if missing and moves an installation from {@code public} into it; then Flyway may run. */
    static void prepare(DataSource dataSource, String schema) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                prepare(connection, schema);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the database schema '" + schema + "': " + e.getMessage(), e);
        }
    }

    private static void prepare(Connection connection, String schema) throws SQLException {
        // Replicas starting together take turns (the lock ends with the transaction), so one creates or moves.
        try (Statement lock = connection.createStatement()) {
            lock.execute("SELECT pg_advisory_xact_lock(" + PREPARE_LOCK + ")");
        }
        String user;
        String database;
        try (ResultSet row = connection.createStatement().executeQuery("SELECT current_user, current_database()")) {
            row.next();
            user = row.getString(1);
            database = row.getString(2);
        }
        if (!schemaExists(connection, schema)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA \"" + schema + "\"");
            } catch (SQLException e) {
                if ("42501".equals(e.getSQLState())) {
                    throw new StartupProblem("The database user '" + user + "' may not create the schema '" + schema
                            + "' that Todo keeps its tables in: grant it CREATE on the database (GRANT CREATE ON DATABASE "
                            + database + " TO \"" + user + "\"), or create the schema for it (CREATE SCHEMA "
                            + schema + " AUTHORIZATION \"" + user + "\") or name one it owns in TODO_DATABASE_SCHEMA.", e);
                }
                throw e;
            }
            log.info("Created the database schema '{}' for Todo's tables", schema);
        } else if (!mayCreateIn(connection, schema)) {
            throw new StartupProblem("The database user '" + user + "' may not create tables in the schema '" + schema
                    + "' (TODO_DATABASE_SCHEMA): grant it (GRANT USAGE, CREATE ON SCHEMA " + schema + " TO \"" + user
                    + "\") or name a schema it owns in TODO_DATABASE_SCHEMA.");
        }
        if (!schema.equals("public") && isAnInstallationInPublic(connection) && !tableExists(connection, schema, "flyway_schema_history")) {
            List<String> moved = new ArrayList<>();
            try (Statement statement = connection.createStatement()) {
                for (String table : java.util.stream.Stream.concat(TABLES_IN_PUBLIC_BEFORE_THE_SCHEMA.stream(),
                        TABLES_OF_LATER_MIGRATIONS.stream()).toList()) {
                    if (tableExists(connection, "public", table)) {
                        statement.execute("ALTER TABLE public." + table + " SET SCHEMA \"" + schema + "\"");
                        moved.add(table);
                    }
                }
            }
            log.warn("Moved Todo's tables {} from the schema 'public' into '{}' (Todo keeps its tables in a schema of"
                    + " their own since issue 9)", moved, schema);
        }
    }

    /** Todo's own Flyway history in {@code public}: an installation from before the schema. */
    private static boolean isAnInstallationInPublic(Connection connection) throws SQLException {
        if (!tableExists(connection, "public", "flyway_schema_history")) {
            return false;
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM public.flyway_schema_history WHERE script = ? AND success")) {
            query.setString(1, FIRST_MIGRATION);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private static boolean schemaExists(Connection connection, String schema) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            query.setString(1, schema);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private static boolean mayCreateIn(Connection connection, String schema) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT has_schema_privilege(?, 'CREATE') AND has_schema_privilege(?, 'USAGE')")) {
            query.setString(1, schema);
            query.setString(2, schema);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private static boolean tableExists(Connection connection, String schema, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM pg_tables WHERE schemaname = ? AND tablename = ?")) {
            query.setString(1, schema);
            query.setString(2, table);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }
}
