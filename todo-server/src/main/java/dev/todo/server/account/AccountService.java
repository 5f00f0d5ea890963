package dev.todo.server.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import dev.todo.server.account.EmailLinks.Purpose;
import dev.todo.server.account.RefreshTokens.StoredRefreshToken;
import dev.todo.server.account.Users.StoredUser;
import dev.todo.server.security.AccessTokens;
import dev.todo.server.security.AccessTokens.IssuedToken;

/** Registration, sign-in and sessions: the account rules; the controller only translates HTTP. */
@Service
class AccountService {

    static final Duration REFRESH_LIFETIME = Duration.ofDays(7);
    static final Duration VERIFICATION_LIFETIME = Duration.ofDays(2);
    static final Duration RESET_LIFETIME = Duration.ofHours(1);

    private final Users users;
    private final FailedSignIns failedSignIns;
    private final RefreshTokens refreshTokens;
    private final EmailLinks emailLinks;
    private final AccessTokens accessTokens;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String publicUrl;
    /** Checked when the email is unknown, so a wrong email takes as long as a wrong password. */
    private final String decoyHash;

    AccountService(Users users, FailedSignIns failedSignIns, RefreshTokens refreshTokens, EmailLinks emailLinks, AccessTokens accessTokens,
                   PasswordEncoder passwords, ApplicationEventPublisher events, Clock clock,
                   @Value("${todo.public-url}") String publicUrl) {
        this.users = users;
        this.failedSignIns = failedSignIns;
        this.refreshTokens = refreshTokens;
        this.emailLinks = emailLinks;
        this.accessTokens = accessTokens;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.decoyHash = passwords.encode(SecretTokens.generate());
    }

    @Transactional
    Session register(String rawEmail, String password, String rawName, String rawZone) {
        String email = Credentials.normalizeEmail(rawEmail);
        Map<String, String> errors = Credentials.errors();
        Credentials.checkEmail(email, errors);
        Credentials.checkPassword(password, errors);
        String name = Credentials.name(rawName, email, errors);
        String zone = Credentials.timeZone(rawZone, errors);
        Credentials.throwIfAny(errors);
        // PostgreSQL keeps microseconds: the account returned must equal the account read back later.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Account account = new Account(UUID.randomUUID(), email, name, false, zone, now, false);
        try {
            users.insert(new StoredUser(account, passwords.encode(password)));
        } catch (DuplicateKeyException e) {
            throw problem(HttpStatus.CONFLICT, "Email already exists");
        }
        String token = emailLinks.issue(account.id(), Purpose.VERIFY_EMAIL, now, now.plus(VERIFICATION_LIFETIME));
        events.publishEvent(new UserRegistered(email, name,
                publicUrl + "/api/v1/auth/verify-email?token=" + token));
        return startSession(account, now);
    }

    /**
     * Not one transaction: the attempt is counted in a transaction of its own that must stay committed
     * when the password is wrong, and no connection is held while the password is hashed.
     */
    Session login(String rawEmail, String password) {
        String email = Credentials.normalizeEmail(rawEmail);
        // As PostgreSQL keeps it: a lock of 15 minutes is then 900 seconds to the nanosecond, not 901.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // The same for an unknown email: a lock says nothing about whether the account exists.
        failedSignIns.charge(email, now).ifPresent(until -> {
            throw locked(Duration.between(now, until));
        });
        StoredUser user = users.findByEmail(email).orElse(null);
        boolean matches = passwords.matches(password == null ? "" : password,
                user == null ? decoyHash : user.passwordHash());
        if (user == null || !matches) {
            throw problem(HttpStatus.UNAUTHORIZED, "Invalid credentials");
        }
        failedSignIns.clear(email);
        return startSession(user.account(), now);
    }

    /**
     * Rotation: the presented refresh token is spent and a new one of the same family returned. A token
     * presented a second time means it was copied: the whole family is revoked, ending that sign-in
     * for the thief and the owner alike.
     */
    @Transactional(noRollbackFor = ErrorResponseException.class)
    Tokens refresh(String presented) {
        Instant now = clock.instant();
        StoredRefreshToken token = presented == null || presented.isBlank() ? null
                : refreshTokens.lockByHash(SecretTokens.hash(presented.strip())).orElse(null);
        if (token == null || !token.expiresAt().isAfter(now)) {
            throw problem(HttpStatus.UNAUTHORIZED, "Invalid refresh token");
        }
        if (token.isSpent()) {
            refreshTokens.revokeFamily(token.familyId(), now);
            throw problem(HttpStatus.UNAUTHORIZED,
                    "Invalid refresh token: it was already used, so every session of that sign-in was ended");
        }
        refreshTokens.markUsed(token.id(), now);
        String next = SecretTokens.generate();
        refreshTokens.insert(token.userId(), token.familyId(), SecretTokens.hash(next), now, now.plus(REFRESH_LIFETIME));
        return new Tokens(accessTokens.issue(token.userId(), token.familyId()), next);
    }

    /** Ends the sign-in of {@code refreshToken} if given and the user's own, else every sign-in of the user. */
    @Transactional
    void logout(UUID userId, String refreshToken) {
        Instant now = clock.instant();
        StoredRefreshToken token = refreshToken == null || refreshToken.isBlank() ? null
                : refreshTokens.lockByHash(SecretTokens.hash(refreshToken.strip())).orElse(null);
        if (token != null && token.userId().equals(userId)) {
            refreshTokens.revokeFamily(token.familyId(), now);
        } else {
            refreshTokens.revokeAllOf(userId, now);
        }
    }

    Account me(UUID userId) {
        return users.findById(userId).map(StoredUser::account)
                .orElseThrow(() -> problem(HttpStatus.UNAUTHORIZED, "The account of this token no longer exists"));
    }

    @Transactional
    Account updateProfile(UUID userId, String rawName, String rawZone, Boolean emailReminders) {
        Account current = me(userId);
        Map<String, String> errors = Credentials.errors();
        String name = rawName == null ? current.name() : Credentials.name(rawName, current.email(), errors);
        String zone = rawZone == null ? current.timeZone() : Credentials.timeZone(rawZone, errors);
        Credentials.throwIfAny(errors);
        users.updateProfile(userId, name, zone,
                emailReminders == null ? current.emailReminders() : emailReminders, clock.instant());
        if (!zone.equals(current.timeZone())) {
            events.publishEvent(new TimeZoneChanged(userId, zone));
        }
        return me(userId);
    }

    @Transactional
    void verifyEmail(String token) {
        Instant now = clock.instant();
        UUID userId = token == null ? null : emailLinks.consume(token.strip(), Purpose.VERIFY_EMAIL, now).orElse(null);
        if (userId == null) {
            throw problem(HttpStatus.BAD_REQUEST, "This verification link is invalid, used or expired");
        }
        users.markEmailVerified(userId, now);
    }

    /** Sends a reset link if the account exists; says nothing either way, so emails cannot be probed. */
    @Transactional
    void requestPasswordReset(String rawEmail) {
        Instant now = clock.instant();
        users.findByEmail(Credentials.normalizeEmail(rawEmail)).ifPresent(user -> {
            String token = emailLinks.issue(user.account().id(), Purpose.RESET_PASSWORD, now, now.plus(RESET_LIFETIME));
            events.publishEvent(new PasswordResetRequested(user.account().email(), user.account().name(),
                    publicUrl + "/reset-password?token=" + token));
        });
    }

    /** Sets the new password and ends every sign-in, since whoever had the old password may have one. */
    @Transactional
    void resetPassword(String token, String password) {
        Map<String, String> errors = Credentials.errors();
        Credentials.checkPassword(password, errors);
        Credentials.throwIfAny(errors);
        Instant now = clock.instant();
        UUID userId = token == null ? null : emailLinks.consume(token.strip(), Purpose.RESET_PASSWORD, now).orElse(null);
        if (userId == null) {
            throw problem(HttpStatus.BAD_REQUEST, "This password reset link is invalid, used or expired");
        }
        users.updatePassword(userId, passwords.encode(password), now);
        refreshTokens.revokeAllOf(userId, now);
        // Whoever reset it owns the mailbox: the lock guessers caused is lifted.
        users.findById(userId).ifPresent(user -> failedSignIns.clear(user.account().email()));
    }

    private Session startSession(Account account, Instant now) {
        String refresh = SecretTokens.generate();
        UUID family = UUID.randomUUID();
        refreshTokens.insert(account.id(), family, SecretTokens.hash(refresh), now, now.plus(REFRESH_LIFETIME));
        return new Session(account, new Tokens(accessTokens.issue(account.id(), family), refresh));
    }

    /** 429 with {@code Retry-After}; the detail rounds up to whole minutes, the header is exact to the second. */
    private static ErrorResponseException locked(Duration left) {
        long seconds = Math.max(1, left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0));
        long minutes = (seconds + 59) / 60;
        ErrorResponseException e = problem(HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins for this account. "
                + "Try again in " + minutes + (minutes == 1 ? " minute" : " minutes") + " or reset your password.");
        e.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return e;
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        ErrorResponseException e = new ErrorResponseException(status);
        e.getBody().setDetail(detail);
        return e;
    }

    record Tokens(IssuedToken access, String refresh) {
    }

    record Session(Account account, Tokens tokens) {
    }
}
