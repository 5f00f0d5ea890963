package dev.todo.server.assistant;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.ToolCallingAdvisor;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent loop: Spring AI's {@link ChatClient} over the configured model (the local engine or an
 * OpenAI-compatible LLM), with the task tools obtained through MCP ({@link McpTaskTools}) and the
 * conversation so far. The ChatClient runs the loop (model → tool calls → model ...) until the model
 * answers in text; the answer streams to the listener as it comes, and every tool call is reported once
 * it has a result.
 */
@Service
class Agent {

    /** How many earlier messages the model sees. */
    static final int HISTORY_LIMIT = 40;
    /** Tool calls allowed in one turn: enough to complete or move every listed task after a confirmation. */
    static final int MAX_TOOL_CALLS = 110;

    private final ChatModel model;
    private final ObservationRegistry registry;
    private final JsonMapper json;
    private final Duration timeout;
    private final McpConnections connections;

    Agent(ChatModel assistantModel, McpConnections connections, JsonMapper json,
          ObjectProvider<ObservationRegistry> observations, @Value("${todo.ai.timeout}") Duration timeout) {
        this.connections = connections;
        this.model = assistantModel;
        this.registry = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
        this.json = json;
        this.timeout = timeout;
    }

    /**
     * The ChatClient for one turn, with its tools. A tool name the model made up (it happens: "create_tasks") is
     * answered by {@link McpTaskTools#unknown} as a tool error the model can correct, instead of ending the turn.
     */
    private ChatClient chat(McpTaskTools tools) {
        return ChatClient.builder(model, registry, null, null, ToolCallingAdvisor.builder()
                        .toolCallingManager(ToolCallingManager.builder().observationRegistry(registry)
                                .maxTotalToolCalls(MAX_TOOL_CALLS).maxCallsPerTool(MAX_TOOL_CALLS)
                                .resolutionFallbackEnabled(true).toolCallbackResolver(tools::unknown).build()))
                .build();
    }

    /** What the agent hears about while it works. */
    interface Listener {

        /** For a caller that only wants the final answer. */
        Listener NONE = new Listener() {
            @Override
            public void toolCall(ToolCallRecord call) {
            }

            @Override
            public void delta(String text) {
            }
        };

        void toolCall(ToolCallRecord call);

        void delta(String text);
    }

    /** Who asks, where the MCP endpoint is, and what was said. */
    record Request(String mcpBaseUrl, String accessToken, List<Conversations.StoredMessage> history, String message,
                   LocalDate today, ZoneId zone) {
    }

    /** The final text and the tool calls made for it, in order. */
    record Answer(String text, List<ToolCallRecord> toolCalls) {
    }

    /** The turn failed (the model or the tools): what was done before it did is kept. */
    static final class Failure extends RuntimeException {

        private final transient Answer partial;

        Failure(Throwable cause, Answer partial) {
            super(cause.getMessage(), cause);
            this.partial = partial;
        }

        Answer partial() {
            return partial;
        }
    }

    Answer answer(Request request, Listener listener) {
        List<ToolCallRecord> calls = Collections.synchronizedList(new ArrayList<>());
        StringBuilder text = new StringBuilder();
        AtomicBoolean toolRan = new AtomicBoolean();
        try {
            McpTaskTools tools = new McpTaskTools(connections.to(request.mcpBaseUrl()), request.accessToken(), json,
                    call -> {
                        calls.add(call);
                        toolRan.set(true);
                        listener.toolCall(call);
                    }, model instanceof LocalEngineModel ? null : Confirmation.of(request.history(), request.message()));
            chat(tools).prompt()
                    .messages(messages(request))
                    .toolCallbacks(tools.callbacks())
                    .stream()
                    .content()
                    .doOnNext(delta -> {
                        // What the model said before a tool call and what it says after are two paragraphs, not
                        // one run-on sentence ("Sure, adding it.Added ...").
                        String piece = toolRan.getAndSet(false) && separate(text, delta) ? "\n\n" + delta : delta;
                        text.append(piece);
                        listener.delta(piece);
                    })
                    .blockLast(timeout.multipliedBy(3));
            return new Answer(text.toString().strip(), List.copyOf(calls));
        } catch (RuntimeException e) {
            throw new Failure(e, new Answer(text.toString().strip(), List.copyOf(calls)));
        }
    }

    private static boolean separate(CharSequence before, String next) {
        return !before.isEmpty() && !Character.isWhitespace(before.charAt(before.length() - 1))
                && !Character.isWhitespace(next.charAt(0));
    }

    /** The system prompt, the stored history (tool calls replayed as the model made them), the new message. */
    private List<Message> messages(Request request) {
        List<Message> messages = new ArrayList<>();
        messages.add(new SystemMessage(SystemPrompt.of(request.today(), request.zone())));
        List<Conversations.StoredMessage> history = request.history();
        int start = 0;
        while (start < history.size() && !history.get(start).role().equals("user")) {
            start++;
        }
        for (Conversations.StoredMessage message : history.subList(start, history.size())) {
            if (message.role().equals("user")) {
                messages.add(new UserMessage(message.content()));
                continue;
            }
            if (!message.toolCalls().isEmpty()) {
                List<AssistantMessage.ToolCall> requested = new ArrayList<>();
                List<ToolResponseMessage.ToolResponse> responses = new ArrayList<>();
                for (ToolCallRecord call : message.toolCalls()) {
                    requested.add(new AssistantMessage.ToolCall(call.id(), "function", call.name(),
                            json.writeValueAsString(call.arguments())));
                    responses.add(new ToolResponseMessage.ToolResponse(call.id(), call.name(),
                            ToolResults.forModel(call, json)));
                }
                messages.add(AssistantMessage.builder().toolCalls(requested).build());
                messages.add(ToolResponseMessage.builder().responses(responses).build());
            }
            messages.add(new AssistantMessage(message.content()));
        }
        messages.add(new UserMessage(request.message()));
        return messages;
    }
}
