/**
 * Reminders at an exact time: one row per task with a reminder, kept in step with the task, fired once by
 * whichever replica claims it first, also after a restart (then marked late).
 */
package dev.todo.server.reminder;
