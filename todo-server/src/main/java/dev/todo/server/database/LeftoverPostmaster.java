package dev.todo.server.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a Todo server killed with SIGKILL leaves in its embedded PostgreSQL's data directory: a {@code postmaster.pid}
 * whose process is gone (or whose number now belongs to another process), and PostgreSQL processes still running
 * there (pg_ctl puts the postmaster in a session of its own, so killing the JVM alone leaves it behind).
 * PostgreSQL refuses to start over either. Cleared before the start, but only when no live Todo server holds the
 * directory (the embedded library's {@code epg-lock}, released by the system when its process dies).
 */
final class LeftoverPostmaster {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);
    private static final Duration GRACE = Duration.ofSeconds(15);

    private LeftoverPostmaster() {
    }

    /** Stops orphaned PostgreSQL processes of {@code dataDirectory} and removes a stale pid file; true if it did. */
    static boolean clear(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile) || heldByALiveServer(dataDirectory)) {
            return false;
        }
        List<ProcessHandle> orphans = processesIn(dataDirectory);
        if (!orphans.isEmpty()) {
            log.warn("PostgreSQL processes {} are still running in {}, left by a Todo server that did not stop: stopping them",
                    orphans.stream().map(ProcessHandle::pid).toList(), dataDirectory);
            // SIGTERM: the postmaster ends its sessions and writes a checkpoint; whatever is left after the grace
            // period gets SIGKILL, which is safe too: every commit is on disk (fsync, synchronous_commit on).
            orphans.forEach(ProcessHandle::destroy);
            waitForExit(orphans, GRACE);
            orphans.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            waitForExit(orphans, GRACE);
            List<Long> alive = orphans.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
            if (!alive.isEmpty()) {
                throw new IllegalStateException("PostgreSQL processes " + alive + " in " + dataDirectory
                        + " did not stop; stop them, then start the server again");
            }
        }
        Optional<ProcessHandle> named = pidOf(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (named.isPresent() && isPostgres(named.get()) && workingDirectory(named.get()).isEmpty()) {
            // A live PostgreSQL whose directory cannot be read (no /proc): it may be ours, so the file stays and
            // PostgreSQL's own check decides.
            log.warn("{} names PostgreSQL process {}, which may still run in {}; leaving it to PostgreSQL", pidFile,
                    named.get().pid(), dataDirectory);
            return false;
        }
        if (Files.exists(pidFile)) {
            log.warn("Removing the stale {} (process {} is not a PostgreSQL of this data directory)", pidFile,
                    pidOf(pidFile).map(String::valueOf).orElse("unknown"));
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot remove the stale " + pidFile, e);
            }
        }
        return true;
    }

    /**
     * The PostgreSQL processes whose working directory is {@code dataDirectory}: the postmaster changes into its data
     * directory and its children inherit it, so this finds them all, and nothing of another data directory.
     * Linux only ({@code /proc}); elsewhere none are found and PostgreSQL's own stale-pid check is all there is.
     */
    static List<ProcessHandle> processesIn(Path dataDirectory) {
        Path wanted;
        try {
            wanted = dataDirectory.toRealPath();
        } catch (IOException e) {
            return List.of();
        }
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(LeftoverPostmaster::isPostgres)
                .filter(p -> workingDirectory(p).map(wanted::equals).orElse(false))
                .toList();
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("/postgres")).orElse(false);
    }

    private static Optional<Path> workingDirectory(ProcessHandle process) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd")));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** True when another process (or this one) holds the embedded library's lock on the directory. */
    private static boolean heldByALiveServer(Path dataDirectory) {
        Path lockFile = dataDirectory.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException thisProcessHoldsIt) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Long> pidOf(Path pidFile) {
        try {
            return Files.readAllLines(pidFile).stream().findFirst().map(String::strip).map(Long::valueOf);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void waitForExit(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (processes.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
