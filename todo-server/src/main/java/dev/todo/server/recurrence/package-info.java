/**
 * Repeating tasks: when one is completed, its next occurrence is created, once, however often the completion
 * event is delivered.
 */
package dev.todo.server.recurrence;
