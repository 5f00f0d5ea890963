package dev.todo.cli;

import dev.todo.core.TaskStatus;

/** What the user asked for, parsed and checked for form (not yet against the task list). */
sealed interface Command {

    record Add(String title, String description) implements Command {
    }

    /** {@code status} null means every task. */
    record ListTasks(TaskStatus status) implements Command {
    }

    record Show(long id) implements Command {
    }

    record Done(long id) implements Command {
    }

    record Undo(long id) implements Command {
    }

    /** {@code title} and {@code description} are null when not given; an empty description removes it. */
    record Edit(long id, String title, String description) implements Command {
    }

    record Delete(long id) implements Command {
    }

    record Restore() implements Command {
    }

    record Export(String file) implements Command {
    }

    record Import(String file) implements Command {
    }

    /** {@code topic} is a command name, or null for the overview. */
    record Help(String topic) implements Command {
    }

    record Exit() implements Command {
    }
}
