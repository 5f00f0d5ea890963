package dev.todo.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Issues the short-lived JWT access tokens that every user endpoint requires. */
@Component
public class AccessTokens {

    /** How long an access token is valid (NFR-2.3: 15 minutes). */
    public static final Duration LIFETIME = Duration.ofMinutes(15);
    static final String ISSUER = "todo";

    private final JwtEncoder encoder;
    private final Clock clock;

    AccessTokens(JwtEncoder encoder, Clock clock) {
        this.encoder = encoder;
        this.clock = clock;
    }

    /** The claim naming the sign-in (refresh token family) a token belongs to. */
    static final String SESSION_CLAIM = "sid";

    /** A signed token naming {@code userId} as its subject and {@code sessionId} as its sign-in. */
    public IssuedToken issue(UUID userId, UUID sessionId) {
        return issue(userId, sessionId, false);
    }

    private IssuedToken issue(UUID userId, UUID sessionId, boolean assistant) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(userId.toString())
                .issuedAt(now)
                .expiresAt(now.plus(LIFETIME))
                .id(UUID.randomUUID().toString())
                .claim(SESSION_CLAIM, sessionId.toString());
        if (assistant) {
            claims.claim(ASSISTANT_CLAIM, true);
        }
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
        return new IssuedToken(token, LIFETIME.toSeconds());
    }

    /** The claim marking a token the assistant got to call the MCP endpoint for its user. */
    static final String ASSISTANT_CLAIM = "assistant";

    /**
     * A fresh token for the same user and sign-in as {@code token}, marked as the assistant's: what the
     * assistant calls the MCP endpoint with, so a long answer never runs out of time, and signing out ends it too.
     */
    public IssuedToken forAssistant(Jwt token) {
        return issue(UUID.fromString(token.getSubject()), UUID.fromString(token.getClaimAsString(SESSION_CLAIM)), true);
    }

    /** True for a request signed in with a token from {@link #forAssistant}. */
    public static boolean isAssistant(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof Jwt jwt
                && Boolean.TRUE.equals(jwt.getClaimAsBoolean(ASSISTANT_CLAIM));
    }

    /** A token and how many seconds it is valid. */
    public record IssuedToken(String value, long expiresIn) {
    }
}
