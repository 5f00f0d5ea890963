package dev.todo.server.recurrence;

import java.time.LocalDate;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.todo.core.Priority;
import dev.todo.core.RecurFrom;
import dev.todo.core.Recurrence;
import dev.todo.core.Task;
import dev.todo.core.TaskStatus;
import dev.todo.server.account.AccountProfiles;
import dev.todo.server.task.TaskChanged;
import dev.todo.server.task.TaskJson;
import dev.todo.server.task.Tasks;

/**
 * Creates the next occurrence of a repeating task when it is completed: the same title, description, priority,
 * tags, due time, reminder and repeat, due on the rule's next date after the old due date (a fixed schedule) or
 * after the day it was completed ({@code recurFrom: completion}). The event registry delivers each completion at
 * least once, after the completion commits; the task module adds the occurrence only once per completed task.
 *
 * <p>Reopening a completed task keeps the occurrence already made (completing it again makes no second one);
 * deleting a repeating task, or removing its repeat, ends the series.
 */
@Component
class NextOccurrence {

    private static final Logger log = LoggerFactory.getLogger(NextOccurrence.class);

    private final Tasks tasks;
    private final AccountProfiles profiles;

    NextOccurrence(Tasks tasks, AccountProfiles profiles) {
        this.tasks = tasks;
        this.profiles = profiles;
    }

    @ApplicationModuleListener(condition = "#event.type().name() == 'TASK_COMPLETED' && #event.task()?.recurrence() != null")
    void taskCompleted(TaskChanged event) {
        TaskJson done = event.task();
        ZoneId zone = profiles.timeZone(event.userId());
        LocalDate completedOn = done.completedAt().atZone(zone).toLocalDate();
        RecurFrom from = RecurFrom.fromWireName(done.recurFrom());
        LocalDate nextDue = Recurrence.parse(done.recurrence()).nextDue(done.dueDate(), completedOn, from);
        Task next = new Task(0, done.title(), done.description(), TaskStatus.PENDING,
                Priority.fromWireName(done.priority()), nextDue, done.tags(), event.timestamp(), event.timestamp(),
                null, done.dueTime(), done.reminderMinutesBefore(), done.recurrence(), from);
        if (tasks.createNextOccurrence(event.userId(), done.id(), next)) {
            log.debug("Repeats: task {} completed, next occurrence due {}", done.id(), nextDue);
        }
    }
}
