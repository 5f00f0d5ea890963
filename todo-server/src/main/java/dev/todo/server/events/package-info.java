/**
 * Events: every task change (and every due reminder) is written to the outbox in the transaction of the
 * change, then relayed at least once, in order, to Kafka ({@code KAFKA_BROKERS}) or to this process, and
 * streamed to the user's open clients ({@code GET /api/v1/events}).
 */
package dev.todo.server.events;
