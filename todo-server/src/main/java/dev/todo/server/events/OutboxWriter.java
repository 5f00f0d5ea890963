package dev.todo.server.events;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import dev.todo.server.reminder.ReminderDue;
import dev.todo.server.task.TaskChanged;

/**
 * Writes each event to the outbox as it is published, in the publisher's transaction: the change and its event
 * commit together or not at all. The payload is the event as ARCHITECTURE.md gives it, verbatim.
 */
@Component
class OutboxWriter {

    static final String VERSION = "1.0";
    static final String SOURCE = "todo-backend";

    private final Outbox outbox;
    private final JsonMapper json;
    private final OutboxRelay relay;
    private final Clock clock;

    OutboxWriter(Outbox outbox, JsonMapper json, OutboxRelay relay, Clock clock) {
        this.outbox = outbox;
        this.json = json;
        this.relay = relay;
        this.clock = clock;
    }

    @EventListener
    void taskChanged(TaskChanged event) {
        outbox.append(event.id(), Topics.TASK_EVENTS, event.userId(), event.type().wireName(),
                json.writeValueAsString(payload(event)), event.timestamp());
        relay.wakeAfterCommit();
    }

    @EventListener
    void reminderDue(ReminderDue reminder) {
        outbox.append(reminder.id(), Topics.REMINDERS, reminder.userId(), "ReminderDue",
                json.writeValueAsString(reminder), clock.instant());
        relay.wakeAfterCommit();
    }

    static Map<String, Object> payload(TaskChanged event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("taskId", event.taskId());
        data.put("userId", event.userId());
        data.put("title", event.title());
        data.put("priority", event.priority());
        data.put("task", event.task());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("correlationId", event.correlationId());
        metadata.put("source", SOURCE);
        metadata.put("via", event.via().wireName());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", event.id());
        payload.put("type", event.type().wireName());
        payload.put("version", VERSION);
        payload.put("timestamp", event.timestamp());
        payload.put("data", data);
        payload.put("metadata", metadata);
        return payload;
    }
}
