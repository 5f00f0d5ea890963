package dev.todo.images.backend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Build step of the image (not a test): records the JVM's ahead-of-time cache (JEP 483/514) for the server, so the
 * container starts with its classes already loaded and linked. A training run starts the server as the image
 * will, with the image's JVM options, on a real PostgreSQL, and exits once the application context is refreshed
 * ({@code spring.context.exit=onRefresh}); the JVM then writes the cache. Skipped when the cache exists (the
 * app-root script deletes it whenever the server jar changes).
 *
 * <p>Arguments: JAVA APP_DIR JVM_OPTIONS — the image's java, the directory holding todo-server.jar (its files dated
 * as Jib dates them in the image, so the cache accepts them there), the image's JDK_JAVA_OPTIONS.
 */
public final class AotTraining {

    private AotTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path launcher = Path.of(args[0]);
        Path app = Path.of(args[1]);
        Path cache = app.resolve("todo-server.aot");
        if (Files.exists(cache)) {
            System.out.println("aot-training: " + cache + " is up to date");
            return;
        }
        Path home = Files.createTempDirectory("todo-aot-training");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            List<String> command = new ArrayList<>(List.of(launcher.toString()));
            command.addAll(Arrays.asList(args[2].trim().split("\\s+")));
            // Classes loaded and parsed ahead of time, but linked at run time as usual: pre-linked classes trip over
            // the sealed, multi-release xz jar ("sealing violation: can't seal package org.tukaani.xz") on JDK 25.
            command.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-XX:-AOTClassLinking", "-Xlog:aot=error",
                    "-Xlog:cds=error",
                    "-Dspring.context.exit=onRefresh", "-jar", app.resolve("todo-server.jar").toString()));
            ProcessBuilder training = new ProcessBuilder(command).inheritIO();
            training.environment().remove("JAVA_TOOL_OPTIONS");
            training.environment().remove("JDK_JAVA_OPTIONS");
            training.environment().putAll(Map.of(
                    "DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                    "DATABASE_USERNAME", "postgres", "DATABASE_PASSWORD", "postgres",
                    "TODO_JWT_SECRET", randomKey(), "TODO_HOME", home.toString(),
                    "SERVER_PORT", "0", "SERVER_ADDRESS", "127.0.0.1", "LOGGING_LEVEL_ROOT", "ERROR"));
            long start = System.nanoTime();
            Process process = training.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("aot-training: the training run did not end within 10 minutes");
            }
            if (process.exitValue() != 0 || !Files.exists(cache)) {
                throw new IllegalStateException("aot-training: the training run failed (exit " + process.exitValue()
                        + "), no cache at " + cache);
            }
            System.out.printf("aot-training: %s, %d MB, in %.0f s%n", cache, Files.size(cache) / 1_000_000,
                    (System.nanoTime() - start) / 1e9);
        } finally {
            try (var files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static String randomKey() {
        byte[] key = new byte[48];
        ThreadLocalRandom.current().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
