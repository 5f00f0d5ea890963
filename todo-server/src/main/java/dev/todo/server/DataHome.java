package dev.todo.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The directory where the server keeps what must survive a restart when it runs with its embedded
 * defaults: the PostgreSQL data and the generated JWT secret. {@code TODO_HOME}, else {@code ~/.todo}.
 */
@Component
public class DataHome {

    private final Path root;

    DataHome(@Value("${todo.home}") String root) {
        this.root = Path.of(root).toAbsolutePath();
    }

    /** {@code name} under the data home, its parent directories created. */
    public Path resolve(String name) {
        Path path = root.resolve(name);
        try {
            Files.createDirectories(path.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + path.getParent(), e);
        }
        return path;
    }
}
