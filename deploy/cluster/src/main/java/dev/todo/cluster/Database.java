package dev.todo.cluster;

import java.io.IOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The cluster's database, as the chart's StatefulSet {@code todo-db} would give it: a real PostgreSQL on a free
 * loopback port with a database {@code todo} owned by a user {@code todo} that the backends log in as.
 */
final class Database implements AutoCloseable {

    static final String NAME = "todo";
    static final String USER = "todo";

    private final EmbeddedPostgres postgres;
    private final String password;

    private Database(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    static Database start() throws IOException, SQLException {
        // Every replica keeps a pool of up to 20 connections; a rollout runs four replicas at once.
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + password + "'");
            statement.execute("CREATE DATABASE " + NAME + " OWNER " + USER);
        }
        return new Database(postgres, password);
    }

    /** Where the backends find it: what their DATABASE_URL, DATABASE_USERNAME and DATABASE_PASSWORD say. */
    record Location(String jdbcUrl, String username, String password) {
    }

    Location location() {
        return new Location("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + NAME, USER, password);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
