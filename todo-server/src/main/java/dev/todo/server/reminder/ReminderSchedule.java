package dev.todo.server.reminder;

import java.time.Duration;
import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.todo.server.task.TaskChanged;
import dev.todo.server.task.TaskJson;

/**
 * Keeps each task's reminder in step with the task, in the task's own transaction: setting or moving the due time
 * or the reminder moves it, removing the reminder or the due date, completing or deleting the task cancels it,
 * reopening a task brings back its reminder if its time is still ahead. A reminder set to a time already past
 * does not fire.
 */
@Component
class ReminderSchedule {

    private final Reminders reminders;

    ReminderSchedule(Reminders reminders) {
        this.reminders = reminders;
    }

    @EventListener
    void taskChanged(TaskChanged event) {
        TaskJson task = event.task();
        boolean hadReminder = event.before() != null && event.before().remindAt() != null;
        if ((task == null || task.remindAt() == null) && !hadReminder) {
            return;
        }
        if (task == null || task.remindAt() == null || "done".equals(task.status())) {
            reminders.remove(event.taskId());
            return;
        }
        Instant dueAt = task.remindAt().plus(Duration.ofMinutes(task.reminderMinutesBefore()));
        reminders.put(task.id(), event.userId(), task.title(), dueAt, task.remindAt(), event.timestamp());
    }
}
