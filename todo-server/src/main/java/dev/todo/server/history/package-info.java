/**
 * Task history (event sourcing's read side): every task event is kept, idempotently by event id, and
 * {@code GET /api/v1/tasks/{id}/history} shows what changed, when and through which door.
 */
package dev.todo.server.history;
