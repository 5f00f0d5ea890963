package dev.todo.server.database;

import java.io.Closeable;
import java.io.IOException;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A connection pool that also owns the embedded PostgreSQL it connects to, and stops it when closed. */
final class EmbeddedDataSource extends HikariDataSource implements Closeable {

    private final EmbeddedPostgres postgres;

    EmbeddedDataSource(HikariDataSource settings, EmbeddedPostgres postgres) {
        settings.copyStateTo(this);
        this.postgres = postgres;
    }

    @Override
    public void close() {
        super.close();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("The embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
