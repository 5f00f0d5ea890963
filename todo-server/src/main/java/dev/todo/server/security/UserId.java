package dev.todo.server.security;

import java.util.UUID;

/**
 * The authenticated user of a request, as a controller parameter: the subject of a valid access token.
 * Controllers that take one can only be reached with a valid token.
 */
public record UserId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
