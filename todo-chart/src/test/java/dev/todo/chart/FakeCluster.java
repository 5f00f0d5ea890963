package dev.todo.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The two Kubernetes API calls Helm's `lookup "v1" "Secret"` makes (resource discovery of v1, then GET of one
 * Secret), served on 127.0.0.1 from Secrets the test stores, and named in the kubeconfig that KUBECONFIG points
 * to. It stands in for the cluster of an install and an upgrade; everything else answers 404 like a real API
 * server asked for something that is not there.
 */
final class FakeCluster implements AutoCloseable {

    private static final Pattern SECRET_PATH = Pattern.compile("/api/v1/namespaces/([^/]+)/secrets/([^/?]+)");
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private final HttpServer server;
    private final Path kubeconfig;
    private final Map<String, Secret> secrets = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();

    FakeCluster() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", this::handle);
            server.start();
            kubeconfig = Path.of(System.getenv("KUBECONFIG"));
            Files.createDirectories(kubeconfig.getParent());
            Files.writeString(kubeconfig, """
                    apiVersion: v1
                    kind: Config
                    clusters:
                      - name: fake
                        cluster:
                          server: http://127.0.0.1:%d
                    users:
                      - name: fake
                        user: {}
                    contexts:
                      - name: fake
                        context: {cluster: fake, user: fake, namespace: todo}
                    current-context: fake
                    """.formatted(server.getAddress().getPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As `helm install` leaves it: the rendered Secret stored in the cluster. */
    void store(String namespace, Secret secret) {
        secrets.put(namespace + "/" + secret.getMetadata().getName(), secret);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(exchange.getRequestMethod() + " " + path);
        if (path.equals("/api/v1")) {
            respond(exchange, 200, """
                    {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"v1","resources":[
                      {"name":"secrets","singularName":"secret","namespaced":true,"kind":"Secret",
                       "verbs":["create","delete","get","list","patch","update","watch"]}]}""");
            return;
        }
        Matcher secret = SECRET_PATH.matcher(path);
        if (exchange.getRequestMethod().equals("GET") && secret.matches()) {
            Secret stored = secrets.get(secret.group(1) + "/" + secret.group(2));
            if (stored != null) {
                respond(exchange, 200, JSON.asJson(stored));
                return;
            }
        }
        respond(exchange, 404, """
                {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"not found",
                 "reason":"NotFound","code":404}""");
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        try {
            Files.deleteIfExists(kubeconfig);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
