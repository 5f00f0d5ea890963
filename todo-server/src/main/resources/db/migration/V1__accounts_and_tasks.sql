-- Accounts: emails are stored lower-cased, so the unique constraint makes them unique case-insensitively.
CREATE TABLE users (
    id             UUID PRIMARY KEY,
    email          VARCHAR(254) NOT NULL UNIQUE CHECK (email = lower(email)),
    name           VARCHAR(100) NOT NULL,
    password_hash  VARCHAR(100) NOT NULL,
    email_verified BOOLEAN      NOT NULL DEFAULT FALSE,
    time_zone      VARCHAR(64)  NOT NULL DEFAULT 'UTC',
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Refresh tokens are kept only as SHA-256 hashes. Every rotation adds a row to the same family; a used
-- or revoked token presented again revokes the whole family (it was stolen, or replayed).
CREATE TABLE refresh_tokens (
    id          UUID PRIMARY KEY,
    user_id     UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id   UUID        NOT NULL,
    token_hash  BYTEA       NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);

CREATE TABLE tasks (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      UUID          NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title        VARCHAR(200)  NOT NULL CHECK (length(title) > 0),
    description  VARCHAR(1000),
    status       VARCHAR(20)   NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'in_progress', 'done')),
    priority     VARCHAR(10)   NOT NULL DEFAULT 'medium' CHECK (priority IN ('low', 'medium', 'high')),
    due_date     DATE,
    tags         TEXT[]        NOT NULL DEFAULT '{}',
    -- Manual order: a task moved between two others takes the midpoint of their positions, so a move
    -- writes one row.
    position     DOUBLE PRECISION NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL,
    completed_at TIMESTAMPTZ,
    CHECK ((status = 'done') = (completed_at IS NOT NULL))
);
-- Every query is per user: the default listing (manual order), the views by due date, the archive.
CREATE INDEX tasks_user_position ON tasks (user_id, position);
CREATE INDEX tasks_user_due_open ON tasks (user_id, due_date) WHERE status <> 'done';
CREATE INDEX tasks_user_completed ON tasks (user_id, completed_at DESC) WHERE status = 'done';
CREATE INDEX tasks_user_created ON tasks (user_id, created_at);
CREATE INDEX tasks_tags ON tasks USING GIN (tags);

-- One-time links sent by email (address verification, password reset), kept only as hashes.
CREATE TABLE account_tokens (
    token_hash BYTEA PRIMARY KEY,
    user_id    UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    VARCHAR(20) NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX account_tokens_user ON account_tokens (user_id);
