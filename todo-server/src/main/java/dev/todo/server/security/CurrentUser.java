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
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof Jwt jwt) {
            return Optional.of(new UserId(UUID.fromString(jwt.getSubject())));
        }
        if (authentication.getPrincipal() instanceof UserId user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** The access token (JWT) the current request was signed in with; empty for a personal API token. */
    public static Optional<Jwt> accessToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Jwt jwt ? Optional.of(jwt)
                : Optional.empty();
    }
}
