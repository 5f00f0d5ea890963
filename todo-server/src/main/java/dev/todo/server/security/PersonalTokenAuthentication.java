package dev.todo.server.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/** A request signed in with a personal API token: its principal is the token's user. */
final class PersonalTokenAuthentication extends AbstractAuthenticationToken {

    private final UserId user;

    PersonalTokenAuthentication(UserId user) {
        super(List.of());
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public UserId getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user.toString();
    }

    /** Checks Bearer credentials that look like personal tokens; leaves JWTs to the JWT provider. */
    record Provider(PersonalTokens tokens) implements AuthenticationProvider {

        @Override
        public Authentication authenticate(Authentication authentication) {
            String secret = ((BearerTokenAuthenticationToken) authentication).getToken();
            if (!secret.startsWith(PersonalTokens.PREFIX)) {
                return null;
            }
            return tokens.authenticate(secret).map(PersonalTokenAuthentication::new).orElseThrow(() ->
                    new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                            "Unknown or revoked API token", null)));
        }

        @Override
        public boolean supports(Class<?> type) {
            return BearerTokenAuthenticationToken.class.isAssignableFrom(type);
        }
    }
}
