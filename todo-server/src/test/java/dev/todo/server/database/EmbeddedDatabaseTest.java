package dev.todo.server.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL of a data home: durable settings, and a start that clears what a crash left behind. */
class EmbeddedDatabaseTest {

    @Test
    void theDataHomesPostgresqlPutsEveryCommitOnDiskBeforeAnsweringIt(@TempDir Path home) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedDatabase.start(home.resolve("postgres"))) {
            assertThat(setting(postgres, "fsync")).isEqualTo("on");
            assertThat(setting(postgres, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(postgres, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void theThrowAwayPostgresqlOfTheTestsKeepsTheFastSettings() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedDatabase.start(null)) {
            assertThat(setting(postgres, "fsync")).isEqualTo("off");
            assertThat(setting(postgres, "synchronous_commit")).isEqualTo("off");
        }
    }

    @Test
    void anOrphanedPostgresqlStillRunningInTheDataDirectoryIsStoppedAndTheStartWorks(@TempDir Path home) throws Exception {
        Path data = home.resolve("postgres");
        Path binary = createTableAndFindTheBinary(data);
        // What a SIGKILL of the JVM leaves: its PostgreSQL still running, with no Todo server holding the directory.
        List<String> command = new ArrayList<>(List.of(binary.toString(), "-D", data.toString(),
                "-p", Integer.toString(freePort()), "-c", "listen_addresses=localhost"));
        if (System.getProperty("user.name").equals("root")) {
            // PostgreSQL refuses to run as root; the library runs it in a user namespace then, and so does this.
            command.addAll(0, List.of("unshare", "-U"));
        }
        Process orphan = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(home.resolve("orphan.log").toFile())
                .start();
        waitUntil(() -> Files.readString(data.resolve("postmaster.pid")).contains("ready"));
        assertThat(LeftoverPostmaster.processesIn(data)).extracting(ProcessHandle::pid).contains(orphan.pid());

        try (EmbeddedPostgres restarted = EmbeddedDatabase.start(data)) {
            assertThat(orphan.isAlive()).as("the orphan was stopped").isFalse();
            assertThat(rows(restarted)).containsExactly("kept");
        }
    }

    @Test
    void aStalePidFileNamingAnotherLiveProcessIsRemovedAndThatProcessLeftAlone(@TempDir Path home) throws Exception {
        Path data = home.resolve("postgres");
        createTableAndFindTheBinary(data);
        Process unrelated = new ProcessBuilder("sleep", "120").start();
        try {
            // After a crash and a reboot the number in postmaster.pid can belong to anything; PostgreSQL then refuses
            // ("Is another postmaster running?").
            List<String> lines = new ArrayList<>(Files.readAllLines(home.resolve("postmaster.pid.saved")));
            lines.set(0, Long.toString(unrelated.pid()));
            Files.write(data.resolve("postmaster.pid"), lines);

            try (EmbeddedPostgres restarted = EmbeddedDatabase.start(data)) {
                assertThat(rows(restarted)).containsExactly("kept");
            }
            assertThat(unrelated.isAlive()).isTrue();
        } finally {
            unrelated.destroyForcibly();
        }
    }

    @Test
    void aDataDirectoryInUseByALiveServerIsNotTouched(@TempDir Path home) throws Exception {
        Path data = home.resolve("postgres");
        try (EmbeddedPostgres running = EmbeddedDatabase.start(data)) {
            assertThat(LeftoverPostmaster.clear(data)).isFalse();
            assertThat(data.resolve("postmaster.pid")).exists();
            assertThat(setting(running, "fsync")).as("still answering").isEqualTo("on");
        }
    }

    /** Starts and stops the durable instance once, with one row; keeps its pid file; returns the postgres binary. */
    private static Path createTableAndFindTheBinary(Path data) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedDatabase.start(data);
             Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE survivor (name text)");
            statement.execute("INSERT INTO survivor VALUES ('kept')");
            List<String> pidFile = Files.readAllLines(data.resolve("postmaster.pid"));
            Files.write(data.getParent().resolve("postmaster.pid.saved"), pidFile);
            return Path.of(ProcessHandle.of(Long.parseLong(pidFile.get(0).strip())).orElseThrow()
                    .info().command().orElseThrow());
        }
    }

    private static List<String> rows(EmbeddedPostgres postgres) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT name FROM survivor")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static String setting(EmbeddedPostgres postgres, String name) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             ResultSet row = connection.createStatement().executeQuery("SHOW " + name)) {
            row.next();
            return row.getString(1);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitUntil(Condition condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // the file is not there yet
            }
            assertThat(System.nanoTime()).as("condition within 60 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
