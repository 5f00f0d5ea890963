package dev.todo.server.database;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start that failed because the database could not be reached or refused the credentials ends with one
 * sentence that says which, instead of a stack trace through Flyway and the connection pool: in a pod's log
 * this line is the whole story of a bad {@code DATABASE_URL} or a wrong password.
 */
class DatabaseUnreachableAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String state = cause.getSQLState() == null ? "" : cause.getSQLState();
        // SQLSTATE class 08: connection exception; 28: invalid authorization; 3D000: no such database.
        if (state.startsWith("08")) {
            return analysis("Cannot connect to the database (DATABASE_URL): " + cause.getMessage(),
                    "Check the host, port and database name in DATABASE_URL and that PostgreSQL is running and reachable.",
                    cause);
        }
        if (state.startsWith("28")) {
            return analysis("The database refused the sign-in (DATABASE_USERNAME / DATABASE_PASSWORD): " + cause.getMessage(),
                    "Check the user name and password the server is given.", cause);
        }
        if (state.equals("3D000")) {
            return analysis("The database named in DATABASE_URL does not exist: " + cause.getMessage(),
                    "Create it (CREATE DATABASE) or fix the name in DATABASE_URL.", cause);
        }
        return null;
    }

    private static FailureAnalysis analysis(String description, String action, Throwable cause) {
        return new FailureAnalysis(description, action, cause);
    }
}
