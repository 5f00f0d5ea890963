package dev.todo.server.assistant;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;

import dev.todo.server.Api;

/**
 * An OpenAI-compatible chat completions server on a real socket (127.0.0.1, a free port), answering
 * {@code POST /v1/chat/completions} from a script, in OpenAI's wire format: a streamed answer
 * ({@code text/event-stream} of {@code chat.completion.chunk} objects, tool calls split across chunks the way
 * OpenAI sends them, a usage chunk when asked for, then {@code data: [DONE]}) when the request says
 * {@code "stream": true}, else one {@code chat.completion}; or an HTTP error with OpenAI's error body; or a
 * slow answer. Every request is recorded (headers and JSON body) before it is answered.
 */
final class ScriptedOpenAi implements AutoCloseable {

    /** A request as the server received it. */
    record Request(String method, String path, Headers headers, JsonNode body) {

        String header(String name) {
            return headers.getFirst(name);
        }

        JsonNode messages() {
            return body.get("messages");
        }
    }

    /** One scripted answer to one request. */
    @FunctionalInterface
    interface Answer {

        void write(HttpExchange exchange, Request request) throws IOException;
    }

    /** A tool call the scripted model makes: its id, the tool's name, and the arguments as JSON text. */
    record Call(String id, String name, String arguments) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Let go by {@link #reset()} and {@link #close()}: slow answers wait on it, so none outlives its test. */
    private volatile CountDownLatch release = new CountDownLatch(1);

    private ScriptedOpenAi(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static ScriptedOpenAi start() {
        try {
            return new ScriptedOpenAi(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL as an OpenAI client takes it (with the {@code /v1}). */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Adds answers to the script, used in order, one per request. */
    ScriptedOpenAi then(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    /** Every request received since the last {@link #reset()}, in order. */
    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** How many scripted answers are still unused. */
    int unused() {
        return script.size();
    }

    /** Forgets the script and the requests, and lets go of any slow answer still waiting. */
    void reset() {
        CountDownLatch old = release;
        release = new CountDownLatch(1);
        old.countDown();
        script.clear();
        requests.clear();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? Api.JSON.createObjectNode() : Api.JSON.readTree(raw);
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders(), body);
            requests.add(request);
            if (!request.method().equals("POST") || !request.path().equals("/v1/chat/completions")) {
                error(404, "invalid_request_error", "unknown_url", "Unknown request URL: " + request.method() + " "
                        + request.path() + ".").write(exchange, request);
                return;
            }
            Answer answer = script.poll();
            if (answer == null) {
                // Not retried by the client (400), and the test sees the extra request in requests().
                error(400, "invalid_request_error", "unscripted", "ScriptedOpenAi: no answer scripted for request #"
                        + requests.size()).write(exchange, request);
                return;
            }
            answer.write(exchange, request);
        } catch (IOException e) {
            // The client went away (it timed out): nothing to answer.
        }
    }

    // ---- Answers ----------------------------------------------------------------------------------------

    /** The model answers in text; streamed, each piece is one chunk. */
    static Answer text(String... pieces) {
        return (exchange, request) -> {
            if (!streamed(request)) {
                Map<String, Object> message = message(String.join("", pieces));
                completion(exchange, request, message, "stop");
                return;
            }
            Stream stream = new Stream(exchange, request);
            stream.chunk(role(""), null);
            for (String piece : pieces) {
                stream.chunk(map("content", piece), null);
            }
            stream.chunk(Map.of(), "stop");
            stream.end();
        };
    }

    /**
     * The model calls tools: streamed as OpenAI does, the first chunk of each call carries its index, id, type and
     * function name with empty arguments, and the following chunks carry pieces of the arguments.
     */
    static Answer toolCalls(Call... calls) {
        return textThenToolCalls(List.of(), calls);
    }

    /** The model says something first (streamed in {@code pieces}), then calls tools in the same answer. */
    static Answer textThenToolCalls(List<String> pieces, Call... calls) {
        return (exchange, request) -> {
            if (!streamed(request)) {
                List<Object> toolCalls = new ArrayList<>();
                for (Call call : calls) {
                    toolCalls.add(map("id", call.id(), "type", "function",
                            "function", map("name", call.name(), "arguments", call.arguments())));
                }
                Map<String, Object> message = message(pieces.isEmpty() ? null : String.join("", pieces));
                message.put("tool_calls", toolCalls);
                completion(exchange, request, message, "tool_calls");
                return;
            }
            Stream stream = new Stream(exchange, request);
            if (!pieces.isEmpty()) {
                stream.chunk(role(""), null);
                for (String piece : pieces) {
                    stream.chunk(map("content", piece), null);
                }
            }
            for (int index = 0; index < calls.length; index++) {
                Call call = calls[index];
                Map<String, Object> start = map("index", index, "id", call.id(), "type", "function",
                        "function", map("name", call.name(), "arguments", ""));
                Map<String, Object> delta = index == 0 && pieces.isEmpty() ? role(null) : new LinkedHashMap<>();
                delta.put("tool_calls", List.of(start));
                stream.chunk(delta, null);
                for (String piece : pieces(call.arguments(), 6)) {
                    stream.chunk(map("tool_calls", List.of(map("index", index, "function", map("arguments", piece)))),
                            null);
                }
            }
            stream.chunk(Map.of(), "tool_calls");
            stream.end();
        };
    }

    static Answer toolCall(String id, String name, String arguments) {
        return toolCalls(new Call(id, name, arguments));
    }

    /** An HTTP error with OpenAI's error body. */
    static Answer error(int status, String type, String code, String message) {
        return (exchange, request) -> {
            Map<String, Object> error = map("message", message, "type", type, "param", null, "code", code);
            byte[] body = Api.JSON.writeValueAsBytes(Map.of("error", error));
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.getResponseHeaders().set("x-request-id", "req_" + UUID.randomUUID().toString().replace("-", ""));
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        };
    }

    /** Says nothing for {@code delay} (or until the test is over), then answers {@code then}. */
    Answer slow(Duration delay, Answer then) {
        return (exchange, request) -> {
            awaitRelease(delay);
            then.write(exchange, request);
        };
    }

    /** Starts streaming {@code firstPiece}, then stalls for {@code delay} (or until the test is over) and stops. */
    Answer stallAfter(String firstPiece, Duration delay) {
        return (exchange, request) -> {
            Stream stream = new Stream(exchange, request);
            stream.chunk(role(""), null);
            stream.chunk(map("content", firstPiece), null);
            awaitRelease(delay);
        };
    }

    private void awaitRelease(Duration delay) {
        try {
            release.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- Wire format --------------------------------------------------------------------------------------

    private static boolean streamed(Request request) {
        return request.body().path("stream").booleanValue();
    }

    /** One streamed response: {@code data: <chunk>} events, then the usage chunk if asked for, then [DONE]. */
    private static final class Stream {

        private final OutputStream out;
        private final Request request;
        private final String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        private final long created = Instant.now().getEpochSecond();
        private int chunks;

        Stream(HttpExchange exchange, Request request) throws IOException {
            this.request = request;
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache, must-revalidate");
            exchange.getResponseHeaders().set("x-request-id", "req_" + UUID.randomUUID().toString().replace("-", ""));
            exchange.sendResponseHeaders(200, 0);
            this.out = exchange.getResponseBody();
        }

        void chunk(Map<String, Object> delta, String finishReason) throws IOException {
            Map<String, Object> choice = map("index", 0, "delta", delta, "logprobs", null, "finish_reason", finishReason);
            send(envelope(List.of(choice), null));
            chunks++;
        }

        void end() throws IOException {
            if (request.body().path("stream_options").path("include_usage").booleanValue()) {
                send(envelope(List.of(), usage(chunks)));
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        private Map<String, Object> envelope(List<Object> choices, Object usage) {
            Map<String, Object> chunk = map("id", id, "object", "chat.completion.chunk", "created", created,
                    "model", request.body().path("model").asString() + "-2024-07-18", "service_tier", "default",
                    "system_fingerprint", "fp_scripted", "choices", choices);
            if (request.body().path("stream_options").path("include_usage").booleanValue()) {
                chunk.put("usage", usage);
            }
            return chunk;
        }

        private void send(Map<String, Object> chunk) throws IOException {
            out.write(("data: " + Api.JSON.writeValueAsString(chunk) + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private static void completion(HttpExchange exchange, Request request, Map<String, Object> message,
                                   String finishReason) throws IOException {
        Map<String, Object> choice = map("index", 0, "message", message, "logprobs", null, "finish_reason", finishReason);
        Map<String, Object> completion = map("id", "chatcmpl-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24),
                "object", "chat.completion", "created", Instant.now().getEpochSecond(),
                "model", request.body().path("model").asString() + "-2024-07-18", "choices", List.of(choice),
                "usage", usage(1), "service_tier", "default", "system_fingerprint", "fp_scripted");
        byte[] body = Api.JSON.writeValueAsBytes(completion);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    private static Map<String, Object> message(String content) {
        return map("role", "assistant", "content", content, "refusal", null, "annotations", List.of());
    }

    /** The first delta of an answer: the role, and empty content for text (null when tool calls follow). */
    private static Map<String, Object> role(String content) {
        return map("role", "assistant", "content", content, "refusal", null);
    }

    private static Map<String, Object> usage(int completionTokens) {
        return map("prompt_tokens", 1200, "completion_tokens", completionTokens, "total_tokens", 1200 + completionTokens,
                "prompt_tokens_details", map("cached_tokens", 0, "audio_tokens", 0),
                "completion_tokens_details", map("reasoning_tokens", 0, "audio_tokens", 0,
                        "accepted_prediction_tokens", 0, "rejected_prediction_tokens", 0));
    }

    private static List<String> pieces(String text, int size) {
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < text.length(); i += size) {
            pieces.add(text.substring(i, Math.min(text.length(), i + size)));
        }
        return pieces;
    }

    /** A JSON object keeping its keys in order and allowing nulls (as OpenAI sends them). */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
