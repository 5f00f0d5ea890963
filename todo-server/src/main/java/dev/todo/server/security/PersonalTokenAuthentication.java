package dev.todo.server.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
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

    /**
     * Personal tokens, or else {@code accessTokens}: a credential that looks like a personal token is checked
     * as one and only as one, so an unknown or revoked token is refused as such. (In one ProviderManager
     * with the JWT provider, the JWT provider would also try it and its "Malformed token" error would be
     * the one reported.)
     */
    static AuthenticationManager orAccessTokens(PersonalTokens tokens, AuthenticationManager accessTokens) {
        AuthenticationManager personalTokens = new ProviderManager(new Provider(tokens));
        return authentication -> isPersonalToken(authentication)
                ? personalTokens.authenticate(authentication) : accessTokens.authenticate(authentication);
    }

    private static boolean isPersonalToken(Authentication authentication) {
        return authentication instanceof BearerTokenAuthenticationToken bearer
                && bearer.getToken().startsWith(PersonalTokens.PREFIX);
    }

    /** Checks Bearer credentials that look like personal tokens; leaves JWTs to the JWT provider. */
    record Provider(PersonalTokens tokens) implements AuthenticationProvider {

        @Override
        public Authentication authenticate(Authentication authentication) {
            if (!isPersonalToken(authentication)) {
                return null;
            }
            String secret = ((BearerTokenAuthenticationToken) authentication).getToken();
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
