package dev.todo.server.assistant;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which model answers: any OpenAI-compatible endpoint when {@code OPENAI_API_KEY} or {@code TODO_AI_BASE_URL}
 * is set (OpenAI, Azure OpenAI, Ollama, vLLM, LM Studio), else the built-in local language engine. Both are
 * Spring AI chat models behind the same agent loop and the same MCP tools.
 */
@Configuration(proxyBeanMethods = false)
class AssistantConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AssistantConfiguration.class);

    @Bean
    ChatModel assistantModel(@Value("${todo.ai.api-key}") String apiKey, @Value("${todo.ai.base-url}") String baseUrl,
                             @Value("${todo.ai.model}") String model, @Value("${todo.ai.timeout}") Duration timeout,
                             JsonMapper json, Clock clock) {
        if (apiKey.isBlank() && baseUrl.isBlank()) {
            log.info("Assistant: the built-in local language engine (set OPENAI_API_KEY or TODO_AI_BASE_URL for an LLM)");
            return new LocalEngineModel(json, clock);
        }
        log.info("Assistant: model {} at {}", model, baseUrl.isBlank() ? "OpenAI" : baseUrl);
        OpenAiChatOptions.Builder options = OpenAiChatOptions.builder()
                .model(model)
                .apiKey(apiKey)
                .timeout(timeout)
                .maxRetries(1)
                // Task data must not be kept by the provider for training or evaluation (NFR-3.3).
                .store(false);
        if (!baseUrl.isBlank()) {
            options.baseUrl(baseUrl);
        }
        return OpenAiChatModel.builder().options(options.build()).build();
    }
}
