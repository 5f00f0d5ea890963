package dev.todo.frontend;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The web app's static export, read into memory once at start-up (about 1.5 MB) with a gzip copy of every text
 * file, so a request costs a map look-up and a write. The image's build gzips the text files beforehand
 * ({@code login.html.gz} next to {@code login.html}, as nginx's gzip_static reads them); without those copies they
 * are compressed here at start-up. Paths resolve as the server jar resolves them
 * (todo-server's WebAppResources): {@code /} is {@code index.html}, a file is itself, and a path whose last part
 * has no dot is its {@code .html} page ({@code /login} is {@code login.html}).
 *
 * <p>If the export has a {@code csp.json} ({@code {"pages": {"login.html": "<policy>"}}}), each page's policy is
 * kept to send as its Content-Security-Policy; {@code csp.json} itself is not served.
 */
final class StaticSite {

    static final String CSP_FILE = "csp.json";
    /** Smaller files gain nothing from gzip (its header and the Vary handling cost more than they save). */
    private static final int MIN_GZIP_SIZE = 256;

    /** One file of the export, ready to send. {@code gzip} is null when it is not worth compressing. */
    record StaticFile(String name, byte[] bytes, byte[] gzip, String contentType, String etag, String csp) {
    }

    private final Map<String, StaticFile> files;

    private StaticSite(Map<String, StaticFile> files) {
        this.files = files;
    }

    static StaticSite load(Path dir) {
        Map<String, String> policies = policies(dir.resolve(CSP_FILE));
        Map<String, StaticFile> files = new HashMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                String name = dir.relativize(path).toString().replace('\\', '/');
                if (!name.equals(CSP_FILE) && !name.endsWith(".gz")) {
                    Path gzipped = path.resolveSibling(path.getFileName() + ".gz");
                    byte[] gzip = Files.isRegularFile(gzipped) ? Files.readAllBytes(gzipped) : null;
                    files.put("/" + name, file(name, Files.readAllBytes(path), gzip, policies.get(name)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the static export in " + dir, e);
        }
        return new StaticSite(files);
    }

    /** The file for a request path (already decoded), or null. */
    StaticFile find(String path) {
        if (path.equals("/")) {
            return files.get("/index.html");
        }
        StaticFile file = files.get(path);
        if (file != null) {
            return file;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isEmpty() || last.contains(".") ? null : files.get(path + ".html");
    }

    /** The page sent with status 404, or null if the export has none. */
    StaticFile notFoundPage() {
        return files.get("/404.html");
    }

    int size() {
        return files.size();
    }

    long bytes() {
        return files.values().stream().mapToLong(f -> f.bytes().length).sum();
    }

    long gzipBytes() {
        return files.values().stream().mapToLong(f -> f.gzip() == null ? f.bytes().length : f.gzip().length).sum();
    }

    private static StaticFile file(String name, byte[] bytes, byte[] gzipped, String csp) {
        String type = contentType(name);
        byte[] gzip = gzipped != null ? gzipped : isText(type) && bytes.length >= MIN_GZIP_SIZE ? gzip(bytes) : null;
        if (gzip != null && gzip.length >= bytes.length) {
            gzip = null;
        }
        return new StaticFile(name, bytes, gzip, type, etag(bytes), csp);
    }

    private static Map<String, String> policies(Path cspFile) {
        if (!Files.isRegularFile(cspFile)) {
            return Map.of();
        }
        try {
            Object json = Json.parse(Files.readString(cspFile, StandardCharsets.UTF_8));
            if (json instanceof Map<?, ?> root && root.get("pages") instanceof Map<?, ?> pages) {
                Map<String, String> policies = new HashMap<>();
                for (Map.Entry<?, ?> page : pages.entrySet()) {
                    if (!(page.getValue() instanceof String policy)) {
                        throw new IllegalArgumentException("the policy of " + page.getKey() + " is not a string");
                    }
                    policies.put((String) page.getKey(), policy);
                }
                return policies;
            }
            throw new IllegalArgumentException("it has no \"pages\" object");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + cspFile, e);
        } catch (IllegalArgumentException e) {
            throw new FrontendSettings.BadSetting(cspFile + " is not {\"pages\": {\"page.html\": \"policy\"}}: "
                    + e.getMessage() + ".");
        }
    }

    static String contentType(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return switch (extension) {
            case "html" -> "text/html; charset=utf-8";
            case "js", "mjs" -> "text/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "json", "map" -> "application/json";
            case "webmanifest" -> "application/manifest+json";
            case "txt" -> "text/plain; charset=utf-8";
            case "xml" -> "application/xml";
            case "svg" -> "image/svg+xml";
            case "ico" -> "image/x-icon";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "gif" -> "image/gif";
            case "webp" -> "image/webp";
            case "avif" -> "image/avif";
            case "woff2" -> "font/woff2";
            case "woff" -> "font/woff";
            case "ttf" -> "font/ttf";
            default -> "application/octet-stream";
        };
    }

    private static boolean isText(String type) {
        return type.startsWith("text/") || type.startsWith("application/json") || type.startsWith("application/manifest")
                || type.startsWith("application/xml") || type.startsWith("image/svg");
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The content's CRC-32C and length: cheap (no security provider to load at start-up) and enough to tell versions apart. */
    private static String etag(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return "\"" + Long.toHexString(crc.getValue()) + "-" + Integer.toHexString(bytes.length) + "\"";
    }
}
