package dev.todo.frontend;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Answers GET and HEAD from the {@link StaticSite}: hashed build assets ({@code /_next/static/...}) are cached
 * for a year as immutable, everything else (pages, the RSC {@code .txt} payloads, icons) is revalidated on every
 * use ({@code no-cache}, with an ETag so the answer is a 304); text is sent gzipped to clients that accept it;
 * unknown paths get the export's 404 page.
 */
final class StaticHandler {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    private final StaticSite site;

    StaticHandler(StaticSite site) {
        this.site = site;
    }

    void handle(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod();
        boolean head = method.equals("HEAD");
        if (!head && !method.equals("GET")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            sendText(exchange, 405, "Method Not Allowed\n");
            return;
        }
        StaticSite.StaticFile file = path.contains("/../") || path.endsWith("/..") ? null : site.find(path);
        int status = 200;
        if (file == null) {
            file = site.notFoundPage();
            status = 404;
            if (file == null) {
                sendText(exchange, 404, "Not Found\n");
                return;
            }
        }
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", file.contentType());
        headers.set("Cache-Control", status == 200 && path.startsWith("/_next/static/") ? IMMUTABLE : REVALIDATE);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        if (file.csp() != null) {
            headers.set("Content-Security-Policy", file.csp());
        }
        if (status == 200) {
            headers.set("ETag", file.etag());
            if (file.etag().equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
        }
        byte[] body = file.bytes();
        if (file.gzip() != null) {
            headers.set("Vary", "Accept-Encoding");
            if (acceptsGzip(exchange.getRequestHeaders().getFirst("Accept-Encoding"))) {
                headers.set("Content-Encoding", "gzip");
                body = file.gzip();
            }
        }
        send(exchange, status, body, head);
    }

    /** Sends {@code body}, or for HEAD only the headers with the length the body would have. */
    private static void send(HttpExchange exchange, int status, byte[] body, boolean head) throws IOException {
        if (head) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** True if the Accept-Encoding header lists gzip (or *) without {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] fields = part.split(";");
            String coding = fields[0].strip();
            if (coding.equalsIgnoreCase("gzip") || coding.equals("*")) {
                for (int i = 1; i < fields.length; i++) {
                    String parameter = fields[i].strip().replace(" ", "");
                    if (parameter.matches("q=0(\\.0*)?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", REVALIDATE);
        send(exchange, status, body, exchange.getRequestMethod().equals("HEAD"));
    }
}
