package dev.todo.frontend;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The todo-frontend image's process: the web app's static export and a proxy of {@code /api/} and {@code /mcp}
 * to the backend, on one port, on the JDK's HTTP server. {@code /healthz} answers 200 without touching the
 * backend. SIGTERM stops it gracefully: no new connections, requests in flight finish (up to the grace period).
 */
public final class FrontendServer {

    private final HttpServer server;
    private final ExecutorService executor;
    private final FrontendSettings settings;
    private final StaticSite site;
    private static long loadMillis;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private FrontendServer(FrontendSettings settings, StaticSite site, HttpServer server, ExecutorService executor) {
        this.settings = settings;
        this.site = site;
        this.server = server;
        this.executor = executor;
    }

    public static void main(String[] args) {
        if (launch(System.getenv(), System.out, System.err) == null) {
            System.exit(2);
        }
    }

    /**
     * Starts the server and stops it gracefully when the JVM is told to stop (SIGTERM); prints one line either way.
     * Returns null, having said why in one sentence, if a setting cannot work.
     */
    static FrontendServer launch(Map<String, String> env, PrintStream out, PrintStream err) {
        long started = System.nanoTime();
        FrontendServer server;
        try {
            server = start(env);
        } catch (FrontendSettings.BadSetting e) {
            err.println("todo-frontend: " + e.getMessage());
            return null;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "shutdown"));
        out.printf("todo-frontend: started in %d ms: %s%n", (System.nanoTime() - started) / 1_000_000, server.describe());
        return server;
    }

    /** Starts the server (port 0 picks a free one); throws {@link FrontendSettings.BadSetting} for bad settings. */
    static FrontendServer start(Map<String, String> env) {
        // Idle connections to the backend are dropped before Tomcat's keep-alive timeout (20 s) closes them under
        // a request.
        if (System.getProperty("jdk.httpclient.keepalive.timeout") == null) {
            System.setProperty("jdk.httpclient.keepalive.timeout", "15");
        }
        FrontendSettings settings = FrontendSettings.from(env);
        long loading = System.nanoTime();
        StaticSite site = StaticSite.load(settings.webDir());
        loadMillis = (System.nanoTime() - loading) / 1_000_000;
        StaticHandler pages = new StaticHandler(site);
        BackendProxy proxy = new BackendProxy(settings.backend());
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(settings.port()), 128);
        } catch (IOException e) {
            throw new FrontendSettings.BadSetting("Cannot listen on port " + settings.port() + ": " + e.getMessage() + ".");
        }
        server.createContext("/", exchange -> route(exchange, pages, proxy));
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.start();
        return new FrontendServer(settings, site, server, executor);
    }

    private static void route(HttpExchange exchange, StaticHandler pages, BackendProxy proxy) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            if (path == null) {
                path = "/";
            }
            if (path.startsWith("/api/") || path.equals("/api") || path.equals("/mcp") || path.startsWith("/mcp/")) {
                proxy.handle(exchange);
            } else if (path.equals("/healthz")) {
                StaticHandler.sendText(exchange, 200, "ok\n");
            } else {
                pages.handle(exchange, path);
            }
        } finally {
            exchange.close();
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    String describe() {
        return String.format("port %d, %d files (%d KB, %d KB gzipped, read in %d ms) from %s, /api/ and /mcp to %s",
                port(), site.size(), site.bytes() / 1024, site.gzipBytes() / 1024, loadMillis, settings.webDir(),
                settings.backend());
    }

    /** Stops taking connections, lets requests in flight finish (up to the grace period), then returns. */
    void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        server.stop(settings.shutdownGraceSeconds());
        executor.shutdownNow();
        System.out.printf("todo-frontend: stopped in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }
}
