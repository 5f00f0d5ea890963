package dev.todo.server.security;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/** The signed-in user of the current request, whichever credential it came with. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<UserId> get() {
        return switch (principal()) {
            case Jwt jwt -> Optional.of(new UserId(UUID.fromString(jwt.getSubject())));
            case UserId user -> Optional.of(user);
            case null, default -> Optional.empty();
        };
    }

    /** The access token (JWT) the current request was signed in with; empty for a personal API token. */
    public static Optional<Jwt> accessToken() {
        return principal() instanceof Jwt jwt ? Optional.of(jwt) : Optional.empty();
    }

    private static Object principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getPrincipal();
    }
}
