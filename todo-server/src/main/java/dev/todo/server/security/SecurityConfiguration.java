package dev.todo.server.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.crypto.SecretKey;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import dev.todo.server.DataHome;

/**
 * Who may call what: the auth endpoints, health and API documentation are open; every other endpoint
 * needs a valid access token (a JWT signed with the server's secret). Stateless: no session, no CSRF
 * token (browsers send the refresh cookie only to the auth path, and only same-site).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** The MCP endpoint (Streamable HTTP), which also takes personal API tokens. */
    public static final String MCP_PATH = "/mcp";

    /** Open to anyone; {@code /api/...} serves the current version too, so both prefixes are listed. */
    private static final String[] PUBLIC = {
        "/health", "/ready", "/actuator/health/**", "/actuator/prometheus", "/error",
        "/api/v1/openapi.json", "/api/v1/openapi.json/**", "/api/v1/docs", "/api/v1/swagger-ui/**",
        "/api/v1/auth/register", "/api/auth/register",
        "/api/v1/auth/login", "/api/auth/login",
        "/api/v1/auth/refresh", "/api/auth/refresh",
        "/api/v1/auth/verify-email", "/api/auth/verify-email",
        "/api/v1/auth/password-reset", "/api/auth/password-reset",
        "/api/v1/auth/password-reset/confirm", "/api/auth/password-reset/confirm",
        "/dev/mailbox", "/dev/mailbox/**",
    };

    /**
     * The web app's pages and assets (module web/), open so the login page can load. Listed one by one
     * rather than as a catch-all so that a new endpoint is never public by accident.
     */
    private static final String[] WEB_APP = {
        "/", "/*.html", "/*.txt", "/*.svg", "/*.ico", "/*/__next*", "/_next/**",
        "/login", "/register", "/forgot-password", "/reset-password", "/verify-email",
        "/today", "/upcoming", "/all", "/completed", "/chat", "/settings",
    };

    @Bean
    SecurityFilterChain api(HttpSecurity http, JsonMapper json, JwtDecoder jwtDecoder, PersonalTokens personalTokens)
            throws Exception {
        ProblemEntryPoint entryPoint = new ProblemEntryPoint(json);
        http
            .csrf(csrf -> csrf.disable())
            .cors(Customizer.withDefaults())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .headers(h -> h
                .frameOptions(f -> f.deny())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
            .authorizeHttpRequests(a -> a
                .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                .requestMatchers(PUBLIC).permitAll()
                .requestMatchers(HttpMethod.GET, WEB_APP).permitAll()
                .requestMatchers(HttpMethod.HEAD, WEB_APP).permitAll()
                .anyRequest().authenticated())
            .oauth2ResourceServer(o -> o
                .bearerTokenResolver(bearerTokens())
                .authenticationEntryPoint(entryPoint)
                .authenticationManagerResolver(credentials(jwtDecoder, personalTokens))
                // RFC 9728 metadata, which MCP clients read after a 401: Bearer tokens in the header, nothing
                // more (no mutual TLS; tokens come from the web app's sign-in or its Settings page).
                .protectedResourceMetadata(m -> m.protectedResourceMetadataCustomizer(metadata -> metadata
                    .resourceName("Todo").tlsClientCertificateBoundAccessTokens(false))))
            .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint));
        return http.build();
    }

    /**
     * The refresh endpoint takes a refresh token (not a JWT) as its Bearer credential, so the JWT filter
     * must not read that one.
     */
    private static BearerTokenResolver bearerTokens() {
        DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();
        return (HttpServletRequest request) -> request.getRequestURI().endsWith("/auth/refresh")
                ? null : standard.resolve(request);
    }

    /**
     * Access tokens (JWT) everywhere; personal API tokens only on the MCP endpoint, the one place an
     * AI client of the user's own calls.
     */
    private static AuthenticationManagerResolver<HttpServletRequest> credentials(JwtDecoder jwtDecoder,
                                                                             PersonalTokens personalTokens) {
        JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(jwtDecoder);
        AuthenticationManager accessTokens = new ProviderManager(jwt);
        AuthenticationManager accessOrPersonalTokens =
                PersonalTokenAuthentication.orAccessTokens(personalTokens, accessTokens);
        return request -> request.getRequestURI().equals(MCP_PATH) ? accessOrPersonalTokens : accessTokens;
    }

    @Bean
    SecretKey jwtKey(@Value("${todo.security.jwt-secret:}") String configured, DataHome home) {
        return JwtSecret.load(configured, home.resolve("jwt-secret"));
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey jwtKey) {
        return NimbusJwtEncoder.withSecretKey(jwtKey).algorithm(MacAlgorithm.HS256).build();
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey jwtKey, Clock clock, EndedSessions endedSessions) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(jwtKey).macAlgorithm(MacAlgorithm.HS256).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps,
                new JwtIssuerValidator(AccessTokens.ISSUER), new LiveSessionValidator(endedSessions)));
        return decoder;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // {bcrypt} today; stored hashes name their algorithm, so a later move to Argon2 keeps old ones valid.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(@Value("${todo.cors.allowed-origins:}") List<String> origins) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        List<String> allowed = origins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
        if (!allowed.isEmpty()) {
            CorsConfiguration config = new CorsConfiguration();
            config.setAllowedOrigins(allowed);
            config.setAllowedMethods(List.of("GET", "POST", "PATCH", "DELETE", "OPTIONS"));
            config.setAllowedHeaders(List.of("Authorization", "Content-Type"));
            config.setExposedHeaders(List.of("Retry-After", "RateLimit-Limit", "RateLimit-Remaining",
                    "RateLimit-Reset"));
            config.setAllowCredentials(true);
            config.setMaxAge(3600L);
            source.registerCorsConfiguration("/api/**", config);
        }
        return source;
    }

    @Bean
    WebMvcConfigurer userIdParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new UserIdArgumentResolver());
            }
        };
    }

    /** 401 as problem details, keeping the standard {@code WWW-Authenticate} header. */
    private record ProblemEntryPoint(JsonMapper json) implements AuthenticationEntryPoint {

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
                throws IOException {
            new BearerTokenAuthenticationEntryPoint().commence(request, response, failure);
            String detail = failure instanceof OAuth2AuthenticationException
                    ? "Invalid or expired access token" : "Authentication required";
            Problems.write(response, json, HttpStatus.UNAUTHORIZED, detail);
        }
    }
}
