package dev.todo.server.account;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.todo.server.account.AccountService.Session;
import dev.todo.server.account.AccountService.Tokens;
import dev.todo.server.security.UserId;

/** Accounts over HTTP: register, sign in, refresh, sign out, profile, email verification, password reset. */
@RestController
@RequestMapping({"/api/v1/auth", "/api/auth"})
class AuthController {

    static final String REFRESH_COOKIE = "todo_refresh";
    /** Browsers send the refresh cookie only to the auth endpoints of the current API version. */
    static final String REFRESH_COOKIE_PATH = "/api/v1/auth";

    private final AccountService accounts;

    AuthController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/register")
    ResponseEntity<SessionResponse> register(@RequestBody RegisterRequest request) {
        Session session = accounts.register(request.email(), request.password(), request.name(), request.timeZone());
        return withCookie(HttpStatus.CREATED, session.tokens(), SessionResponse.of(session));
    }

    @PostMapping("/login")
    ResponseEntity<SessionResponse> login(@RequestBody LoginRequest request) {
        Session session = accounts.login(request.email(), request.password());
        return withCookie(HttpStatus.OK, session.tokens(), SessionResponse.of(session));
    }

    /** The refresh token comes as {@code Authorization: Bearer ...} or, from a browser, as the cookie. */
    @PostMapping("/refresh")
    ResponseEntity<TokenResponse> refresh(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                          @CookieValue(name = REFRESH_COOKIE, required = false) String cookie) {
        Tokens tokens = accounts.refresh(bearer(authorization, cookie));
        return withCookie(HttpStatus.OK, tokens, TokenResponse.of(tokens));
    }

    @PostMapping("/logout")
    ResponseEntity<Map<String, String>> logout(UserId user,
                                               @RequestBody(required = false) LogoutRequest request,
                                               @CookieValue(name = REFRESH_COOKIE, required = false) String cookie) {
        accounts.logout(user.value(), request != null && request.refreshToken() != null ? request.refreshToken() : cookie);
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO).toString())
                .body(Map.of("message", "Logged out"));
    }

    @GetMapping("/me")
    Map<String, Account> me(UserId user) {
        return Map.of("user", accounts.me(user.value()));
    }

    @PatchMapping("/me")
    Map<String, Account> updateMe(UserId user, @RequestBody ProfileRequest request) {
        return Map.of("user", accounts.updateProfile(user.value(), request.name(), request.timeZone(), request.emailReminders()));
    }

    /** GET is what the link in the email opens; POST is for the web app. */
    @GetMapping("/verify-email")
    Map<String, String> verifyLink(@RequestParam String token) {
        accounts.verifyEmail(token);
        return Map.of("message", "Email verified");
    }

    @PostMapping("/verify-email")
    Map<String, String> verify(@RequestBody TokenRequest request) {
        return verifyLink(request.token());
    }

    @PostMapping("/password-reset")
    ResponseEntity<Map<String, String>> requestReset(@RequestBody EmailRequest request) {
        accounts.requestPasswordReset(request.email());
        return ResponseEntity.accepted()
                .body(Map.of("message", "If an account exists for this email, a reset link was sent to it"));
    }

    @PostMapping("/password-reset/confirm")
    Map<String, String> confirmReset(@RequestBody ResetRequest request) {
        accounts.resetPassword(request.token(), request.password());
        return Map.of("message", "Password changed; sign in again");
    }

    private static String bearer(String authorization, String cookie) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7);
        }
        return cookie;
    }

    private static <T> ResponseEntity<T> withCookie(HttpStatus status, Tokens tokens, T body) {
        return ResponseEntity.status(status)
                .header(HttpHeaders.SET_COOKIE, cookie(tokens.refresh(), AccountService.REFRESH_LIFETIME).toString())
                .body(body);
    }

    private static ResponseCookie cookie(String value, Duration maxAge) {
        return ResponseCookie.from(REFRESH_COOKIE, value)
                .httpOnly(true).secure(true).sameSite("Strict").path(REFRESH_COOKIE_PATH).maxAge(maxAge).build();
    }

    record RegisterRequest(String email, String password, String name, String timeZone) {
    }

    record LoginRequest(String email, String password) {
    }

    record LogoutRequest(String refreshToken) {
    }

    record ProfileRequest(String name, String timeZone, Boolean emailReminders) {
    }

    record TokenRequest(String token) {
    }

    record EmailRequest(String email) {
    }

    record ResetRequest(String token, String password) {
    }

    record SessionResponse(Account user, String accessToken, String refreshToken, long expiresIn) {
        static SessionResponse of(Session session) {
            return new SessionResponse(session.account(), session.tokens().access().value(),
                    session.tokens().refresh(), session.tokens().access().expiresIn());
        }
    }

    record TokenResponse(String accessToken, String refreshToken, long expiresIn) {
        static TokenResponse of(Tokens tokens) {
            return new TokenResponse(tokens.access().value(), tokens.refresh(), tokens.access().expiresIn());
        }
    }
}
