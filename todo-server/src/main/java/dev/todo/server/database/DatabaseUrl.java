package dev.todo.server.database;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import dev.todo.server.StartupProblem;

/**
 * A database location as people hand it over: the libpq URL that Neon and most hosts give
 * ({@code postgresql://user:pass@host:5432/db?sslmode=require}) or a JDBC URL. Turned into what the JDBC
 * driver takes: a {@code jdbc:postgresql:} URL without credentials, plus user name and password.
 */
record DatabaseUrl(String jdbcUrl, String username, String password) {

    static DatabaseUrl parse(String text, String username, String password) {
        String url = text.strip();
        if (url.startsWith("jdbc:")) {
            return new DatabaseUrl(url, blankToNull(username), blankToNull(password));
        }
        if (!url.startsWith("postgresql://") && !url.startsWith("postgres://")) {
            throw new StartupProblem(
                    "DATABASE_URL must start with postgresql://, postgres:// or jdbc:postgresql:// (got '"
                            + url.replaceAll("//[^@/]*@", "//***@") + "')");
        }
        URI uri = URI.create(url);
        String user = blankToNull(username);
        String pass = blankToNull(password);
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = user != null ? user : decode(parts[0]);
            pass = pass != null ? pass : parts.length > 1 ? decode(parts[1]) : null;
        }
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/postgres" : uri.getRawPath();
        // libpq options the JDBC driver does not know (channel_binding) are dropped; sslmode is shared.
        String query = uri.getRawQuery() == null ? "" : keepKnownOptions(uri.getRawQuery());
        return new DatabaseUrl("jdbc:postgresql://" + host + port + path + (query.isEmpty() ? "" : "?" + query),
                user, pass);
    }

    private static String keepKnownOptions(String query) {
        StringBuilder kept = new StringBuilder();
        for (String option : query.split("&")) {
            if (option.isEmpty() || option.startsWith("channel_binding=")) {
                continue;
            }
            kept.append(kept.isEmpty() ? "" : "&").append(option);
        }
        return kept.toString();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
