package dev.todo.server.security;

import java.util.Optional;

/**
 * Personal API tokens, as security sees them: a secret in, the user it belongs to out. The account
 * module keeps the tokens; this interface keeps security free of its tables.
 */
public interface PersonalTokens {

    /** Every personal token starts with this, so it is never mistaken for a JWT (and is easy to scan for). */
    String PREFIX = "todo_pat_";

    /** The user of a valid, unrevoked token (and notes its use), or empty. */
    Optional<UserId> authenticate(String secret);
}
