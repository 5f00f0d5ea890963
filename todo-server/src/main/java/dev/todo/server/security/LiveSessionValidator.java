package dev.todo.server.security;

import java.util.UUID;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/** Refuses an access token whose sign-in has ended, so logout takes effect at once. */
record LiveSessionValidator(EndedSessions endedSessions) implements OAuth2TokenValidator<Jwt> {

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        String session = token.getClaimAsString(AccessTokens.SESSION_CLAIM);
        UUID sessionId;
        try {
            sessionId = session == null ? null : UUID.fromString(session);
        } catch (IllegalArgumentException e) {
            sessionId = null;
        }
        if (sessionId == null) {
            return failure("The token names no sign-in");
        }
        return endedSessions.hasEnded(sessionId) ? failure("The sign-in of this token has ended")
                : OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult failure(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
