package dev.todo.frontend;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The frontend's configuration, from the environment: {@code TODO_BACKEND_URL} (required, where {@code /api/} and
 * {@code /mcp} go), {@code PORT} (default 8080), {@code TODO_WEB_DIR} (the static export; the image sets
 * {@code /srv/web}) and {@code TODO_SHUTDOWN_GRACE_SECONDS} (how long a SIGTERM waits for requests in flight,
 * default 10).
 */
record FrontendSettings(URI backend, int port, Path webDir, int shutdownGraceSeconds) {

    /** A setting that cannot work; the message is one sentence saying which and what to do. */
    static final class BadSetting extends RuntimeException {
        BadSetting(String message) {
            super(message);
        }
    }

    static FrontendSettings from(Map<String, String> env) {
        return new FrontendSettings(
                backend(env.get("TODO_BACKEND_URL")),
                number(env, "PORT", 8080, 0, 65535),
                webDir(env.getOrDefault("TODO_WEB_DIR", "/srv/web")),
                number(env, "TODO_SHUTDOWN_GRACE_SECONDS", 10, 0, 3600));
    }

    private static URI backend(String value) {
        if (value == null || value.isBlank()) {
            throw new BadSetting("TODO_BACKEND_URL is not set: give the backend's base URL, e.g. http://todo-backend-svc:8080.");
        }
        URI uri;
        try {
            uri = URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            throw new BadSetting("TODO_BACKEND_URL \"" + value + "\" is not a URL: give e.g. http://todo-backend-svc:8080.");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null) {
            throw new BadSetting("TODO_BACKEND_URL \"" + value
                    + "\" must be http:// or https:// with a host and no path, e.g. http://todo-backend-svc:8080.");
        }
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
    }

    private static int number(Map<String, String> env, String name, int fallback, int min, int max) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadSetting(name + " \"" + value + "\" must be a whole number from " + min + " to " + max + ".");
    }

    private static Path webDir(String value) {
        Path dir = Path.of(value);
        if (!Files.isRegularFile(dir.resolve("index.html"))) {
            throw new BadSetting("TODO_WEB_DIR \"" + value + "\" has no index.html: point it at the web app's static export (web/out).");
        }
        return dir;
    }
}
