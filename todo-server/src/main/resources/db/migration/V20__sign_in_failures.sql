-- Failed sign-ins per account (OWASP ASVS 4.0 2.2.1), in the database so that the limit holds across
-- replicas and restarts. Keyed by the SHA-256 hash of the normalized email whether or not an account has
-- it: unknown emails are limited alike, so the limit tells nothing about which accounts exist, and what
-- people typed is not kept in the clear. Numbered 20, apart from the others' migrations.
CREATE TABLE sign_in_failures (
    email_hash        BYTEA PRIMARY KEY,
    failures          INT         NOT NULL,
    window_started_at TIMESTAMPTZ NOT NULL,
    locked_until      TIMESTAMPTZ
);
