package dev.todo.server.security;

import java.util.UUID;

/**
 * Which sign-ins have ended (logout, a replayed refresh token, a password reset). Access tokens name
 * their sign-in, and one whose sign-in ended is refused at once rather than when it expires. The
 * account feature, which owns sign-ins, provides it.
 */
public interface EndedSessions {

    boolean hasEnded(UUID sessionId);
}
