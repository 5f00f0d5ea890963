package dev.todo.server.events;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Kafka when {@code KAFKA_BROKERS} is set, else this process alone. */
@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

    @Bean
    EventSink eventSink(KafkaSettings settings) {
        return settings.enabled() ? new KafkaSink(settings) : new LocalSink();
    }
}
