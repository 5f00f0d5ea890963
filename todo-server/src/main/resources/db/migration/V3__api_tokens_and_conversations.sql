-- Personal API tokens: what an MCP client (Claude Desktop, Cursor, the Inspector) signs in with.
-- Only a SHA-256 hash of the secret is kept; the prefix lets people tell their tokens apart.
CREATE TABLE api_tokens (
    id           UUID PRIMARY KEY,
    user_id      UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT        NOT NULL,
    prefix       TEXT        NOT NULL,
    token_hash   BYTEA       NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ
);
CREATE INDEX api_tokens_user ON api_tokens (user_id, created_at);

-- The assistant's conversations: every message with the tool calls made for it, so any server
-- replica (or the same one after a restart) can continue a conversation.
CREATE TABLE conversations (
    id         UUID PRIMARY KEY,
    user_id    UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title      TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX conversations_user_updated ON conversations (user_id, updated_at DESC);

CREATE TABLE conversation_messages (
    id              UUID PRIMARY KEY,
    conversation_id UUID        NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    seq             INT         NOT NULL,
    role            TEXT        NOT NULL CHECK (role IN ('user', 'assistant')),
    content         TEXT        NOT NULL,
    tool_calls      JSONB       NOT NULL DEFAULT '[]',
    created_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (conversation_id, seq)
);
