package dev.todo.server.assistant;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import dev.todo.core.assistant.LocalEngine;
import dev.todo.core.assistant.Step;
import dev.todo.core.assistant.ToolCall;
import dev.todo.core.assistant.Turn;

/**
 * The built-in local language engine ({@link LocalEngine}, in todo-core) as a Spring AI chat model: it reads
 * the same prompt an LLM would get (system prompt, history with tool calls and results, the new message) and
 * answers the same way, with a tool call or with text. So the agent loop, the MCP tools and the chat API
 * are the same whichever model answers. Deterministic, offline, no model to download.
 */
final class LocalEngineModel implements ChatModel {

    /** The system prompt says "Today is 2026-11-23 ..." (see {@link SystemPrompt}); the engine reads the date there. */
    private static final Pattern TODAY = Pattern.compile("Today is (\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern WORD = Pattern.compile("\\S+\\s*|\\s+");

    private final LocalEngine engine = new LocalEngine();
    private final JsonMapper json;
    private final Clock clock;

    LocalEngineModel(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    @Override
    public ChatResponse call(Prompt prompt) {
        return response(next(prompt));
    }

    /** A tool call comes whole; a reply comes a word at a time, as a streaming LLM sends it. */
    @Override
    public Flux<ChatResponse> stream(Prompt prompt) {
        AssistantMessage answer = next(prompt);
        if (answer.hasToolCalls()) {
            return Flux.just(response(answer));
        }
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(answer.getText() == null ? "" : answer.getText());
        while (word.find()) {
            words.add(word.group());
        }
        return Flux.fromIterable(words).map(text -> response(new AssistantMessage(text)));
    }

    @Override
    public ChatOptions getOptions() {
        return ToolCallingChatOptions.builder().build();
    }

    private static ChatResponse response(AssistantMessage message) {
        return new ChatResponse(List.of(new Generation(message)));
    }

    private AssistantMessage next(Prompt prompt) {
        Conversation conversation = read(prompt.getInstructions());
        Step step = engine.next(conversation.history(), conversation.message(), conversation.doneThisTurn(),
                conversation.today());
        return switch (step) {
            case Step.Call call -> AssistantMessage.builder()
                    .toolCalls(List.of(new AssistantMessage.ToolCall("local_" + UUID.randomUUID(), "function",
                            call.name(), json.writeValueAsString(call.arguments()))))
                    .build();
            case Step.Reply reply -> new AssistantMessage(reply.text());
        };
    }

    /** The prompt as the engine sees it: earlier turns, the new message, the calls made for it so far. */
    private record Conversation(List<Turn> history, String message, List<ToolCall> doneThisTurn, LocalDate today) {
    }

    private Conversation read(List<Message> messages) {
        LocalDate today = LocalDate.now(clock);
        List<Turn> turns = new ArrayList<>();
        List<ToolCall> calls = new ArrayList<>();
        Map<String, AssistantMessage.ToolCall> requested = new HashMap<>();
        int lastUser = -1;
        for (Message message : messages) {
            switch (message) {
                case SystemMessage system -> {
                    Matcher date = TODAY.matcher(system.getText());
                    if (date.find()) {
                        today = LocalDate.parse(date.group(1));
                    }
                }
                case UserMessage user -> {
                    if (!calls.isEmpty()) {
                        turns.add(Turn.assistant("", calls));
                        calls = new ArrayList<>();
                    }
                    lastUser = turns.size();
                    turns.add(Turn.user(user.getText()));
                }
                case AssistantMessage assistant when assistant.hasToolCalls() ->
                        assistant.getToolCalls().forEach(call -> requested.put(call.id(), call));
                case AssistantMessage assistant -> {
                    turns.add(Turn.assistant(assistant.getText(), calls));
                    calls = new ArrayList<>();
                }
                case ToolResponseMessage tools -> {
                    for (ToolResponseMessage.ToolResponse response : tools.getResponses()) {
                        AssistantMessage.ToolCall call = requested.get(response.id());
                        ToolResults.Read result = ToolResults.fromModel(response.responseData(), json);
                        calls.add(new ToolCall(response.name(), call == null ? Map.of() : arguments(call.arguments()),
                                result.result(), result.error()));
                    }
                }
                default -> {
                }
            }
        }
        if (lastUser < 0) {
            return new Conversation(turns, "", calls, today);
        }
        // Everything after the last user message belongs to this turn: its calls so far.
        return new Conversation(turns.subList(0, lastUser), turns.get(lastUser).text(), calls, today);
    }

    private Map<String, Object> arguments(String text) {
        Map<String, Object> arguments = ToolResults.arguments(text, json);
        return arguments == null ? Map.of() : arguments;
    }
}
