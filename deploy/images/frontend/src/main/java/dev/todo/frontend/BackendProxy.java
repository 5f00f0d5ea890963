package dev.todo.frontend;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * Passes {@code /api/...} and {@code /mcp} to the backend and its answer back, so the browser sees one origin as
 * with the server jar. Bodies stream both ways without being held in memory: the chat's streamed replies and
 * server-sent events reach the browser as the backend writes them. Headers pass through (Authorization,
 * cookies, content negotiation) except the hop-by-hop ones; X-Forwarded-For gets the client's address appended,
 * X-Forwarded-Proto and -Host are set unless a proxy in front already set them.
 */
final class BackendProxy {

    /** Headers that belong to one connection (RFC 9110 7.6.1) or that the JDK's client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of(
            "connection", "keep-alive", "proxy-connection", "proxy-authorization", "te", "trailer",
            "transfer-encoding", "upgrade", "host", "content-length", "expect", "http2-settings", "date");

    private final URI backend;
    private final HttpClient client;

    BackendProxy(URI backend) {
        this.backend = backend;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    void handle(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        URI target = URI.create(backend + exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(target).method(exchange.getRequestMethod(), body(exchange));
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!NOT_FORWARDED.contains(name) && !name.startsWith("x-forwarded-")) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        forwardedHeaders(exchange, request);

        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            badGateway(exchange);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            badGateway(exchange);
            return;
        }
        try (InputStream in = response.body()) {
            for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
                String name = header.getKey().toLowerCase(Locale.ROOT);
                if (!NOT_FORWARDED.contains(name) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(header.getKey(), header.getValue());
                }
            }
            int status = response.statusCode();
            long length = response.headers().firstValueAsLong("content-length").orElse(-1);
            boolean noBody = exchange.getRequestMethod().equals("HEAD") || status == 204 || status == 304
                    || status < 200 || length == 0;
            if (noBody) {
                if (exchange.getRequestMethod().equals("HEAD") && length > 0) {
                    exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
                }
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, Math.max(length, 0));
            OutputStream out = exchange.getResponseBody();
            byte[] buffer = new byte[8192];
            int read;
            // Flushed after every read: a stream's events must not wait for a buffer to fill.
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
            out.close();
        } finally {
            exchange.close();
        }
    }

    private static HttpRequest.BodyPublisher body(HttpExchange exchange) {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        boolean chunked = exchange.getRequestHeaders().containsKey("Transfer-Encoding");
        if (!chunked && (length == null || length.strip().equals("0"))) {
            return HttpRequest.BodyPublishers.noBody();
        }
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(exchange::getRequestBody);
        return chunked ? stream : HttpRequest.BodyPublishers.fromPublisher(stream, Long.parseLong(length.strip()));
    }

    private static void forwardedHeaders(HttpExchange exchange, HttpRequest.Builder request) {
        var in = exchange.getRequestHeaders();
        String client = exchange.getRemoteAddress().getAddress().getHostAddress();
        String forwardedFor = in.getFirst("X-Forwarded-For");
        request.header("X-Forwarded-For", forwardedFor == null || forwardedFor.isBlank() ? client : forwardedFor + ", " + client);
        String proto = in.getFirst("X-Forwarded-Proto");
        request.header("X-Forwarded-Proto", proto == null || proto.isBlank() ? "http" : proto);
        String host = in.getFirst("X-Forwarded-Host");
        if (host == null || host.isBlank()) {
            host = in.getFirst("Host");
        }
        if (host != null && !host.isBlank()) {
            request.header("X-Forwarded-Host", host);
        }
    }

    private static void badGateway(HttpExchange exchange) throws IOException {
        byte[] body = ("{\"type\":\"about:blank\",\"title\":\"Bad Gateway\",\"status\":502,"
                + "\"detail\":\"The backend did not answer; try again in a moment.\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(502, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
