-- Phase V. Tasks gain a due time, a reminder and a repeat; changes become events.

ALTER TABLE tasks
    ADD COLUMN due_time                TIME,
    ADD COLUMN reminder_minutes_before INT CHECK (reminder_minutes_before BETWEEN 0 AND 40320),
    ADD COLUMN remind_at               TIMESTAMPTZ,
    ADD COLUMN recurrence              VARCHAR(100),
    ADD COLUMN recur_from              VARCHAR(10) NOT NULL DEFAULT 'due' CHECK (recur_from IN ('due', 'completion')),
    -- The repeating task whose completion created this one: unique, so a completion delivered twice, or seen
    -- by two replicas, creates the next occurrence once.
    ADD COLUMN follows_task_id         BIGINT UNIQUE,
    ADD CHECK (due_date IS NOT NULL OR (due_time IS NULL AND reminder_minutes_before IS NULL AND recurrence IS NULL));

ALTER TABLE users ADD COLUMN email_reminders BOOLEAN NOT NULL DEFAULT false;

-- The outbox: every event is written here in the transaction of the change (a row and its primary key,
-- nothing more, so the change stays cheap). The relay takes the oldest rows in order, hands them to Kafka (or
-- to this process) and, in the same transaction, moves them to published_events, numbered by publish_seq in
-- the order they went out: a client resuming its stream after event X gets the user's events published after
-- X. Published events are kept for a day, the window in which a stream can resume.
CREATE TABLE outbox (
    seq        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id   UUID         NOT NULL,
    topic      VARCHAR(100) NOT NULL,
    user_id    UUID         NOT NULL,
    event_type VARCHAR(50)  NOT NULL,
    payload    TEXT         NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL
);
CREATE SEQUENCE outbox_publish_seq;
CREATE TABLE published_events (
    publish_seq  BIGINT       PRIMARY KEY,
    event_id     UUID         NOT NULL,
    topic        VARCHAR(100) NOT NULL,
    user_id      UUID         NOT NULL,
    event_type   VARCHAR(50)  NOT NULL,
    payload      TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    published_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX published_events_by_user_idx ON published_events (user_id, publish_seq);
CREATE INDEX published_events_by_event_idx ON published_events (event_id);

-- History (the technical plan's migration 003): one row per event, written by a consumer, idempotently by
-- event id. No reference to tasks: the history of a task outlives the task.
CREATE TABLE task_events (
    id             UUID        PRIMARY KEY,
    task_id        BIGINT      NOT NULL,
    user_id        UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    event_type     VARCHAR(50) NOT NULL,
    data           JSONB       NOT NULL,
    timestamp      TIMESTAMPTZ NOT NULL,
    correlation_id VARCHAR(100),
    via            VARCHAR(20) NOT NULL
);
CREATE INDEX task_events_by_task_idx ON task_events (user_id, task_id, timestamp);

-- Reminders: one row per task with a reminder, kept in step with the task by the reminder module in the
-- task's own transaction; fired_at is set once, by whichever replica claims the row first.
CREATE TABLE reminders (
    task_id   BIGINT      PRIMARY KEY,
    user_id   UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title     VARCHAR(200) NOT NULL,
    due_at    TIMESTAMPTZ NOT NULL,
    remind_at TIMESTAMPTZ NOT NULL,
    fired_at  TIMESTAMPTZ
);
CREATE INDEX reminders_due_idx ON reminders (remind_at) WHERE fired_at IS NULL;
