package dev.todo.server.history;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import dev.todo.server.task.TaskChanged;

/** Records every task event after its change commits; a repeat of an event id changes nothing. */
@Component
class HistoryRecorder {

    private final TaskHistory history;
    private final JsonMapper json;

    HistoryRecorder(TaskHistory history, JsonMapper json) {
        this.history = history;
        this.json = json;
    }

    @ApplicationModuleListener
    void taskChanged(TaskChanged event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("task", event.task());
        data.put("before", event.before());
        history.record(event.id(), event.taskId(), event.userId(), event.type().wireName(),
                json.writeValueAsString(data), event.timestamp(), event.correlationId(), event.via().wireName());
    }
}
