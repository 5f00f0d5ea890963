package dev.todo.server.database;

import java.io.IOException;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL: with a data directory (what {@code ./todo serve} uses, under the data home) it is as
 * durable as an installed PostgreSQL; without one (tests), a fast throw-away instance.
 */
final class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private EmbeddedDatabase() {
    }

    /** {@code dataDirectory} null: a fresh instance in a temporary directory, deleted when closed. */
    static EmbeddedPostgres start(Path dataDirectory) {
        try {
            // No JVM shutdown hook of its own: it would stop PostgreSQL while Spring still shuts down
            // (the event registry reads on close). The pool closes it last (EmbeddedDataSource.close).
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false);
            if (dataDirectory != null) {
                // The library is made for tests: it starts PostgreSQL with -F (fsync off) and synchronous_commit off,
                // so a commit is answered before it is on disk and a crash loses it (issue 9: 10 of 218 acknowledged
                // writes gone after SIGKILL, docs/durability.md). Its -c options come after -F on the command line
                // and win over it (EmbeddedDatabaseTest reads them back).
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on")
                        .setDataDirectory(dataDirectory).setCleanDataDirectory(false);
                if (LeftoverPostmaster.clear(dataDirectory)) {
                    log.info("Cleared what a server that did not stop left in {}", dataDirectory);
                }
                log.info("Starting the embedded PostgreSQL, data in {}", dataDirectory);
            }
            return builder.start();
        } catch (IOException | RuntimeException e) {
            // A held data directory shows as a lock failure (IllegalStateException from another process,
            // OverlappingFileLockException from this one): say what it most likely means.
            throw new IllegalStateException("Cannot start the embedded PostgreSQL"
                    + (dataDirectory == null ? "" : " in " + dataDirectory
                    + " (is another Todo server using it?)"), e);
        }
    }
}
