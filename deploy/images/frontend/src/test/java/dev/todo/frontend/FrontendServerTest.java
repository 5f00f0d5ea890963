package dev.todo.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The frontend server over real HTTP on 127.0.0.1: a static export in a temporary directory, and a backend
 * stand-in (the JDK's HTTP server on its own socket) that records what reaches it.
 */
class FrontendServerTest {

    private static final String BIG_SCRIPT = "console.log('todo');\n".repeat(200);

    @TempDir
    Path web;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final BlockingQueue<Recorded> backendRequests = new ArrayBlockingQueue<>(10);
    private final CountDownLatch secondEvent = new CountDownLatch(1);
    private HttpServer backend;
    private FrontendServer frontend;

    /** What the backend stand-in received. */
    record Recorded(String method, String uri, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : String.join(",", values);
        }
    }

    @BeforeEach
    void start() throws IOException {
        write("index.html", "<html>home</html>");
        write("login.html", "<html>login page</html>");
        write("404.html", "<html>nothing here</html>");
        write("today.html", "<html>today</html>");
        write("login/__next._tree.txt", "tree");
        write("icon.svg", "<svg/>");
        write("_next/static/chunks/app-3f9a.js", BIG_SCRIPT);
        write("_next/static/media/font.woff2", "woff2");

        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        backend.createContext("/", this::backendAnswer);
        backend.start();
        startFrontend();
    }

    private void startFrontend() {
        frontend = FrontendServer.start(env(Map.of()));
    }

    private Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                "TODO_BACKEND_URL", "http://127.0.0.1:" + backend.getAddress().getPort(),
                "TODO_WEB_DIR", web.toString(),
                "PORT", "0",
                "TODO_SHUTDOWN_GRACE_SECONDS", "5"));
        env.putAll(extra);
        return env;
    }

    @AfterEach
    void stop() {
        frontend.stop();
        backend.stop(0);
    }

    private void backendAnswer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        backendRequests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/api/v1/events")) {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("event: task\ndata: first\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                secondEvent.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.write("event: task\ndata: second\n\n".getBytes(StandardCharsets.UTF_8));
            out.close();
            return;
        }
        if (path.equals("/api/v1/empty")) {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        byte[] answer = ("{\"saw\":\"" + exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Location", "/api/v1/tasks/7");
        exchange.getResponseHeaders().add("Set-Cookie", "a=1");
        exchange.getResponseHeaders().add("Set-Cookie", "b=2");
        exchange.sendResponseHeaders(path.equals("/api/v1/tasks") ? 201 : 200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    private void write(String name, String content) throws IOException {
        Path file = web.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + frontend.port() + path);
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesPagesByTheirRouteAsTheServerJarDoes() throws Exception {
        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).isEqualTo("<html>home</html>");
        assertThat(home.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(home.headers().firstValue("Cache-Control")).hasValue("no-cache");

        assertThat(get("/login").body()).isEqualTo("<html>login page</html>");
        assertThat(get("/login.html").body()).isEqualTo("<html>login page</html>");
        assertThat(get("/today").body()).isEqualTo("<html>today</html>");
        HttpResponse<String> tree = get("/login/__next._tree.txt");
        assertThat(tree.body()).isEqualTo("tree");
        assertThat(tree.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(get("/icon.svg").headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(home.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(home.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void unknownPathsGetTheExportsNotFoundPage() throws Exception {
        for (String path : List.of("/nope", "/login/", "/missing.js", "/_next/static/chunks/gone.js", "/../index.html",
                "/login/..", "/csp.json")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).isEqualTo("<html>nothing here</html>");
            assertThat(response.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
        }
    }

    @Test
    void withoutA404PageTheAnswerIsPlainText() throws Exception {
        Files.delete(web.resolve("404.html"));
        frontend.stop();
        startFrontend();
        HttpResponse<String> response = get("/nope");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("Not Found\n");
    }

    @Test
    void hashedAssetsAreImmutableForAYearAndTextIsGzipped() throws Exception {
        HttpResponse<byte[]> zipped = http.send(HttpRequest.newBuilder(url("/_next/static/chunks/app-3f9a.js"))
                .header("Accept-Encoding", "br, gzip;q=0.8").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(zipped.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(zipped.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(zipped.body().length).isLessThan(BIG_SCRIPT.length() / 10);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(BIG_SCRIPT);
        }

        HttpResponse<String> plain = get("/_next/static/chunks/app-3f9a.js", "Accept-Encoding", "gzip;q=0, br");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body()).isEqualTo(BIG_SCRIPT);
        assertThat(get("/_next/static/chunks/app-3f9a.js").body()).isEqualTo(BIG_SCRIPT);

        HttpResponse<String> font = get("/_next/static/media/font.woff2", "Accept-Encoding", "gzip");
        assertThat(font.headers().firstValue("Content-Type")).hasValue("font/woff2");
        assertThat(font.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(font.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
    }

    @Test
    void aGzipCopyMadeAtBuildTimeIsSentAsItIs() throws Exception {
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write("made by gzip -9".getBytes(StandardCharsets.UTF_8));
        }
        Files.write(web.resolve("_next/static/chunks/app-3f9a.js.gz"), gz.toByteArray());
        frontend.stop();
        startFrontend();
        HttpResponse<byte[]> zipped = http.send(HttpRequest.newBuilder(url("/_next/static/chunks/app-3f9a.js"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zipped.body()).isEqualTo(gz.toByteArray());
        assertThat(get("/_next/static/chunks/app-3f9a.js").body()).isEqualTo(BIG_SCRIPT);
        assertThat(get("/_next/static/chunks/app-3f9a.js.gz").statusCode()).isEqualTo(404);
    }

    @Test
    void aMatchingETagGetsNotModified() throws Exception {
        String etag = get("/login").headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = get("/login", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(get("/login", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
        assertThat(get("/today").headers().firstValue("ETag")).isNotEqualTo(etag);
    }

    @Test
    void headSendsTheHeadersOnlyAndOtherMethodsAreRefused() throws Exception {
        HttpResponse<String> head = http.send(HttpRequest.newBuilder(url("/login"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).hasValue("23");
        assertThat(head.body()).isEmpty();

        HttpResponse<String> post = http.send(HttpRequest.newBuilder(url("/login"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void healthzAnswersWithoutTheBackend() throws Exception {
        backend.stop(0);
        HttpResponse<String> health = get("/healthz");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("ok\n");
        assertThat(backendRequests).isEmpty();
    }

    @Test
    void cspJsonGivesEachListedPageItsPolicy() throws Exception {
        write("csp.json", "{\"pages\": {\"login.html\": \"default-src 'self'; script-src 'self' 'sha256-abc\\u003d'\", "
                + "\"404.html\": \"default-src 'none'\"}, \"version\": 1}");
        frontend.stop();
        startFrontend();
        assertThat(get("/login").headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'self'; script-src 'self' 'sha256-abc='");
        assertThat(get("/today").headers().firstValue("Content-Security-Policy")).isEmpty();
        assertThat(get("/csp.json").statusCode()).isEqualTo(404);
        // The 404 page is sent with its own policy, whatever path asked for it.
        assertThat(get("/nope").headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'");
    }

    @Test
    void aMalformedCspJsonStopsTheStartWithOneSentence() throws Exception {
        write("csp.json", "{\"pages\": {\"login.html\": 42}}");
        assertThatThrownBy(() -> FrontendServer.start(env(Map.of())))
                .isInstanceOf(FrontendSettings.BadSetting.class)
                .hasMessageContaining("csp.json is not {\"pages\": {\"page.html\": \"policy\"}}: the policy of login.html is not a string.");
        write("csp.json", "{\"pages\": [}");
        assertThatThrownBy(() -> FrontendServer.start(env(Map.of())))
                .isInstanceOf(FrontendSettings.BadSetting.class).hasMessageContaining("unexpected character");
        write("csp.json", "[]");
        assertThatThrownBy(() -> FrontendServer.start(env(Map.of())))
                .isInstanceOf(FrontendSettings.BadSetting.class).hasMessageContaining("it has no \"pages\" object");
    }

    @Test
    void apiRequestsReachTheBackendWithTheirHeadersBodyAndForwardedHeaders() throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(url("/api/v1/tasks?tag=work&q=a%20b"))
                .header("Authorization", "Bearer abc.def")
                .header("Content-Type", "application/json")
                .header("Accept-Language", "de")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Buy milk\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).isEqualTo("{\"saw\":\"POST /api/v1/tasks?tag=work&q=a%20b\"}");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/tasks/7");
        assertThat(created.headers().allValues("Set-Cookie")).containsExactly("a=1", "b=2");
        assertThat(created.headers().firstValue("Content-Type")).hasValue("application/json");

        Recorded seen = backendRequests.poll(5, TimeUnit.SECONDS);
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.body()).isEqualTo("{\"title\":\"Buy milk\"}");
        assertThat(seen.header("Authorization")).isEqualTo("Bearer abc.def");
        assertThat(seen.header("Accept-language")).isEqualTo("de");
        assertThat(seen.header("Content-length")).isEqualTo("20");
        assertThat(seen.header("X-forwarded-for")).isEqualTo("127.0.0.1");
        assertThat(seen.header("X-forwarded-proto")).isEqualTo("http");
        assertThat(seen.header("X-forwarded-host")).isEqualTo("127.0.0.1:" + frontend.port());
    }

    @Test
    void aProxyInFrontKeepsItsForwardedHeadersAndTheClientAddressIsAppended() throws Exception {
        get("/api/v1/tasks", "X-Forwarded-For", "203.0.113.9", "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "todo.example.com");
        Recorded seen = backendRequests.poll(5, TimeUnit.SECONDS);
        assertThat(seen.method()).isEqualTo("GET");
        assertThat(seen.header("X-forwarded-for")).isEqualTo("203.0.113.9, 127.0.0.1");
        assertThat(seen.header("X-forwarded-proto")).isEqualTo("https");
        assertThat(seen.header("X-forwarded-host")).isEqualTo("todo.example.com");
    }

    @Test
    void mcpIsProxiedButOnlyAtItsOwnPath() throws Exception {
        HttpResponse<String> mcp = http.send(HttpRequest.newBuilder(url("/mcp"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(mcp.statusCode()).isEqualTo(200);
        assertThat(mcp.body()).isEqualTo("{\"saw\":\"POST /mcp\"}");
        assertThat(backendRequests.poll(5, TimeUnit.SECONDS).body()).isEqualTo("{\"jsonrpc\":\"2.0\"}");

        assertThat(get("/mcpx").statusCode()).isEqualTo(404);
        assertThat(get("/apis").statusCode()).isEqualTo(404);
        assertThat(backendRequests).isEmpty();
    }

    @Test
    void aChunkedRequestBodyAndAnEmptyAnswerPassThrough() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/api/v1/empty"))
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("streamed".getBytes())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        Recorded seen = backendRequests.poll(5, TimeUnit.SECONDS);
        assertThat(seen.method()).isEqualTo("PUT");
        assertThat(seen.body()).isEqualTo("streamed");
    }

    @Test
    void serverSentEventsStreamThroughAsTheBackendWritesThem() throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(url("/api/v1/events"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            // The backend holds the second event back until the first has arrived here: a buffering proxy hangs.
            assertThat(lines.readLine()).isEqualTo("event: task");
            assertThat(lines.readLine()).isEqualTo("data: first");
            assertThat(lines.readLine()).isEmpty();
            secondEvent.countDown();
            assertThat(lines.readLine()).isEqualTo("event: task");
            assertThat(lines.readLine()).isEqualTo("data: second");
            assertThat(lines.readLine()).isEmpty();
            assertThat(lines.readLine()).isNull();
        }
    }

    @Test
    void aClientThatLeavesAStreamDoesNotHoldUpTheStop() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", frontend.port())) {
            socket.getOutputStream().write("GET /api/v1/events HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String line;
            while ((line = in.readLine()) != null && !line.contains("data: first")) {
                // headers, chunk sizes, the first event
            }
            assertThat(line).contains("data: first");
        }
        Thread.sleep(200);
        secondEvent.countDown();
        Thread.sleep(200);
        long started = System.nanoTime();
        frontend.stop();
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000L);
        startFrontend();
    }

    @Test
    void aBackendThatDoesNotAnswerIsABadGateway() throws Exception {
        backend.stop(0);
        HttpResponse<String> response = get("/api/v1/tasks");
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":502", "The backend did not answer");
    }

    @Test
    void stopWaitsForARequestInFlight() throws Exception {
        var events = http.sendAsync(HttpRequest.newBuilder(url("/api/v1/events")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(backendRequests.poll(5, TimeUnit.SECONDS).uri()).isEqualTo("/api/v1/events");
        Thread release = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            secondEvent.countDown();
        });
        long started = System.nanoTime();
        frontend.stop();
        long stoppedMillis = (System.nanoTime() - started) / 1_000_000;
        release.join();
        assertThat(events.get(5, TimeUnit.SECONDS).body()).endsWith("data: second\n\n");
        assertThat(stoppedMillis).isBetween(250L, 4_000L);
        assertThatThrownBy(() -> get("/healthz")).isInstanceOf(IOException.class);
        startFrontend();
    }

    @Test
    void badSettingsAreRefusedWithOneSentence() throws Exception {
        assertThatThrownBy(() -> FrontendServer.start(env(Map.of("TODO_BACKEND_URL", ""))))
                .hasMessage("TODO_BACKEND_URL is not set: give the backend's base URL, e.g. http://todo-backend-svc:8080.");
        assertThatThrownBy(() -> FrontendServer.start(env(Map.of("TODO_BACKEND_URL", "todo-backend-svc:8080"))))
                .hasMessageContaining("must be http:// or https:// with a host and no path");
        assertThatThrownBy(() -> FrontendServer.start(env(Map.of("TODO_BACKEND_URL", "http://backend:8080/api"))))
                .hasMessageContaining("must be http:// or https:// with a host and no path");
        assertThatThrownBy(() -> FrontendServer.start(env(Map.of("TODO_BACKEND_URL", "http://bad host"))))
                .hasMessageContaining("is not a URL");
        assertThatThrownBy(() -> FrontendServer.start(env(Map.of("PORT", "eighty"))))
                .hasMessage("PORT \"eighty\" must be a whole number from 0 to 65535.");
        assertThatThrownBy(() -> FrontendServer.start(env(Map.of("PORT", "70000"))))
                .hasMessage("PORT \"70000\" must be a whole number from 0 to 65535.");
        assertThatThrownBy(() -> FrontendServer.start(env(Map.of("TODO_WEB_DIR", web.resolve("nothing").toString()))))
                .hasMessageContaining("has no index.html: point it at the web app's static export (web/out).");
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> FrontendServer.start(env(Map.of("PORT", Integer.toString(taken.getLocalPort())))))
                    .hasMessageStartingWith("Cannot listen on port " + taken.getLocalPort());
        }
        assertThat(FrontendSettings.from(env(Map.of("TODO_BACKEND_URL", "https://api.example.com/"))).backend())
                .isEqualTo(URI.create("https://api.example.com"));
    }

    @Test
    void launchPrintsOneLineForAStartAndForABadSetting() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        FrontendServer launched = FrontendServer.launch(env(Map.of()), new java.io.PrintStream(out, true), new java.io.PrintStream(err, true));
        try {
            assertThat(out.toString()).startsWith("todo-frontend: started in ").contains("port " + launched.port(), "8 files");
            assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + launched.port() + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        } finally {
            launched.stop();
            launched.stop();
        }
        assertThat(FrontendServer.launch(env(Map.of("TODO_BACKEND_URL", " ")), new java.io.PrintStream(out, true),
                new java.io.PrintStream(err, true))).isNull();
        assertThat(err.toString()).isEqualTo("todo-frontend: TODO_BACKEND_URL is not set: give the backend's base URL, "
                + "e.g. http://todo-backend-svc:8080.\n");
    }

    @Test
    void contentTypesByExtension() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("a.html", "text/html; charset=utf-8"), Map.entry("a.js", "text/javascript; charset=utf-8"),
                Map.entry("a.mjs", "text/javascript; charset=utf-8"), Map.entry("a.css", "text/css; charset=utf-8"),
                Map.entry("a.json", "application/json"), Map.entry("a.js.map", "application/json"),
                Map.entry("site.webmanifest", "application/manifest+json"), Map.entry("a.txt", "text/plain; charset=utf-8"),
                Map.entry("sitemap.xml", "application/xml"), Map.entry("a.svg", "image/svg+xml"),
                Map.entry("favicon.ico", "image/x-icon"), Map.entry("a.png", "image/png"), Map.entry("a.JPG", "image/jpeg"),
                Map.entry("a.jpeg", "image/jpeg"), Map.entry("a.gif", "image/gif"), Map.entry("a.webp", "image/webp"),
                Map.entry("a.avif", "image/avif"), Map.entry("a.woff2", "font/woff2"), Map.entry("a.woff", "font/woff"),
                Map.entry("a.ttf", "font/ttf"), Map.entry("a.bin", "application/octet-stream"),
                Map.entry("LICENSE", "application/octet-stream"));
        expected.forEach((name, type) -> assertThat(StaticSite.contentType(name)).as(name).isEqualTo(type));
    }

    @Test
    void describeSaysWhatItServes() {
        assertThat(frontend.describe()).contains("8 files", "from " + web, "/api/ and /mcp to http://127.0.0.1:");
    }
}
