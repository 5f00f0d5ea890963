package dev.todo.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import dev.todo.server.Api;
import dev.todo.server.Api.Response;
import dev.todo.server.Api.Session;
import dev.todo.server.ApiTest;

@ApiTest
class AuthApiTest {

    private final Api api;
    private final String jwtSecret;

    AuthApiTest(@LocalServerPort int port, @Value("${todo.security.jwt-secret}") String jwtSecret) {
        this.api = new Api(port);
        this.jwtSecret = jwtSecret;
    }

    private static String email() {
        return "Someone." + UUID.randomUUID() + "@Example.COM";
    }

    @Test
    void registrationCreatesTheAccountAndStartsASession() {
        String email = email();
        Response response = api.post("/api/v1/auth/register",
                Map.of("email", email, "password", "correct horse", "name", "Jordan"), null);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("user").get("email").stringValue()).isEqualTo(email.toLowerCase());
        assertThat(response.json().get("user").get("name").stringValue()).isEqualTo("Jordan");
        assertThat(response.json().get("user").get("emailVerified").booleanValue()).isFalse();
        assertThat(response.json().get("user").has("passwordHash")).isFalse();
        assertThat(response.json().get("expiresIn").intValue()).isEqualTo(900);
        String cookie = response.header("Set-Cookie");
        assertThat(cookie).startsWith("todo_refresh=" + response.json().get("refreshToken").stringValue())
                .contains("HttpOnly", "Secure", "SameSite=Strict", "Path=/api/v1/auth", "Max-Age=604800");

        Response me = api.get("/api/v1/auth/me", response.json().get("accessToken").stringValue());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("user").get("email").stringValue()).isEqualTo(email.toLowerCase());
    }

    @Test
    void aShortPasswordIsRefusedWithTheSpecMessage() {
        String email = email();
        Response response = api.post("/api/v1/auth/register", Map.of("email", email, "password", "123"), null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").stringValue()).isEqualTo("Password must be at least 8 characters");
        assertThat(response.json().get("errors").get("password").stringValue())
                .isEqualTo("Password must be at least 8 characters");
        assertThat(api.post("/api/v1/auth/login", Map.of("email", email, "password", "123"), null).status())
                .as("registration was blocked").isEqualTo(401);
    }

    @Test
    void everyBadFieldIsNamed() {
        Response response = api.post("/api/v1/auth/register",
                Map.of("email", "not-an-email", "password", "x".repeat(73), "name", "n".repeat(101),
                        "timeZone", "Mars/Olympus"), null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").propertyNames())
                .containsExactlyInAnyOrder("email", "password", "name", "timeZone");
        assertThat(api.post("/api/v1/auth/register", Map.of("password", "correct horse"), null)
                .json().get("errors").get("email").stringValue()).isEqualTo("Email is required");
    }

    @Test
    void emailsAreUniqueWhateverTheirCase() {
        String email = email();
        api.register(email, "UTC");

        Response again = api.post("/api/v1/auth/register",
                Map.of("email", email.toUpperCase(), "password", "another password"), null);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").stringValue()).isEqualTo("Email already exists");
    }

    @Test
    void loginIgnoresTheCaseOfTheEmail() {
        String email = email();
        api.register(email, "UTC");

        Response login = api.post("/api/v1/auth/login",
                Map.of("email", "  " + email.toUpperCase() + " ", "password", "correct horse"), null);

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("user").get("email").stringValue()).isEqualTo(email.toLowerCase());
        assertThat(api.get("/api/v1/auth/me", login.json().get("accessToken").stringValue()).status()).isEqualTo(200);
        assertThat(login.header("Set-Cookie")).contains("HttpOnly");
    }

    @Test
    void aWrongPasswordOrUnknownEmailGetsTheSameAnswer() {
        String email = email();
        api.register(email, "UTC");

        Response wrongPassword = api.post("/api/v1/auth/login", Map.of("email", email, "password", "wrong password"), null);
        Response unknown = api.post("/api/v1/auth/login", Map.of("email", email(), "password", "correct horse"), null);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.json().get("detail").stringValue()).isEqualTo("Invalid credentials");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().get("detail").stringValue()).isEqualTo("Invalid credentials");
    }

    @Test
    void refreshRotatesTheToken() {
        Session session = api.register();

        Response refreshed = refreshWithBearer(session.refreshToken());

        assertThat(refreshed.status()).isEqualTo(200);
        String next = refreshed.json().get("refreshToken").stringValue();
        assertThat(next).isNotEqualTo(session.refreshToken());
        assertThat(refreshed.header("Set-Cookie")).startsWith("todo_refresh=" + next);
        assertThat(api.get("/api/v1/auth/me", refreshed.json().get("accessToken").stringValue()).status()).isEqualTo(200);
        assertThat(refreshWithCookie(next).status()).as("the rotated token works, from the cookie").isEqualTo(200);
    }

    @Test
    void aReusedRefreshTokenRevokesItsWholeFamily() {
        Session session = api.register();
        String rotated = refreshWithBearer(session.refreshToken()).json().get("refreshToken").stringValue();

        Response replay = refreshWithBearer(session.refreshToken());

        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.json().get("detail").stringValue()).startsWith("Invalid refresh token");
        assertThat(refreshWithBearer(rotated).status()).as("the thief's replay ended the owner's session too")
                .isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", session.accessToken()).status())
                .as("and the access tokens of that sign-in").isEqualTo(401);
    }

    @Test
    void otherSignInsSurviveAReplayInAnotherFamily() {
        Session session = api.register();
        String second = api.post("/api/v1/auth/login", Map.of("email", session.email(), "password", "correct horse"),
                null).json().get("refreshToken").stringValue();
        refreshWithBearer(session.refreshToken());
        refreshWithBearer(session.refreshToken());

        assertThat(refreshWithBearer(second).status()).isEqualTo(200);
    }

    @Test
    void anUnknownOrMissingRefreshTokenIsRefused() {
        assertThat(refreshWithBearer("not-a-token").json().get("detail").stringValue()).isEqualTo("Invalid refresh token");
        assertThat(api.post("/api/v1/auth/refresh", null, null).status()).isEqualTo(401);
    }

    @Test
    void logoutEndsTheSignInAndClearsTheCookie() {
        Session session = api.register();

        Response logout = api.post("/api/v1/auth/logout", Map.of("refreshToken", session.refreshToken()),
                session.accessToken());

        assertThat(logout.status()).isEqualTo(200);
        assertThat(logout.json().get("message").stringValue()).isEqualTo("Logged out");
        assertThat(logout.header("Set-Cookie")).contains("todo_refresh=;").contains("Max-Age=0");
        assertThat(refreshWithBearer(session.refreshToken()).status()).isEqualTo(401);
        Response after = api.get("/api/v1/tasks", session.accessToken());
        assertThat(after.status()).as("the access token died with its sign-in").isEqualTo(401);
        assertThat(after.header("WWW-Authenticate")).contains("The sign-in of this token has ended");
    }

    @Test
    void logoutWithoutARefreshTokenEndsEverySignIn() {
        Session session = api.register();
        String other = api.post("/api/v1/auth/login", Map.of("email", session.email(), "password", "correct horse"),
                null).json().get("refreshToken").stringValue();

        assertThat(api.post("/api/v1/auth/logout", null, session.accessToken()).status()).isEqualTo(200);

        assertThat(refreshWithBearer(session.refreshToken()).status()).isEqualTo(401);
        assertThat(refreshWithBearer(other).status()).isEqualTo(401);
    }

    @Test
    void userEndpointsNeedAnAccessToken() {
        Response response = api.get("/api/v1/auth/me", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.json().get("detail").stringValue()).isEqualTo("Authentication required");
        assertThat(api.get("/api/v1/tasks", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/logout", null, null).status()).isEqualTo(401);
    }

    @Test
    void anExpiredAccessTokenIsRefused() {
        Session session = api.register();
        Instant past = Instant.now().minusSeconds(3600);
        String expired = sign(JwtClaimsSet.builder().issuer("todo").subject(session.userId())
                .issuedAt(past).expiresAt(past.plusSeconds(900)).build());

        Response response = api.get("/api/v1/auth/me", expired);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("detail").stringValue()).isEqualTo("Invalid or expired access token");
        assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
    }

    @Test
    void aTamperedAccessTokenIsRefused() {
        Session victim = api.register();
        Session attacker = api.register();
        String[] parts = attacker.accessToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(attacker.userId(), victim.userId());
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThat(api.get("/api/v1/auth/me", tampered).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", "garbage").status()).isEqualTo(401);
    }

    @Test
    void aTokenMustNameALiveSignIn() {
        Session session = api.register();
        String payload = new String(Base64.getUrlDecoder().decode(session.accessToken().split("\\.")[1]),
                StandardCharsets.UTF_8);
        String sid = payload.replaceAll(".*\"sid\":\"([^\"]+)\".*", "$1");
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer("todo").subject(session.userId())
                .issuedAt(now).expiresAt(now.plusSeconds(900));

        assertThat(api.get("/api/v1/auth/me", sign(claims.build())).status()).as("no sign-in named").isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", sign(claims.claim("sid", "not-a-uuid").build())).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", sign(claims.claim("sid", UUID.randomUUID().toString()).build())).status())
                .as("an unknown sign-in has not ended").isEqualTo(200);
        assertThat(api.get("/api/v1/auth/me", sign(claims.claim("sid", sid).build())).status()).isEqualTo(200);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        Session session = api.register();
        String foreign = sign(JwtClaimsSet.builder().issuer("someone-else").subject(session.userId())
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(900)).build());

        assertThat(api.get("/api/v1/auth/me", foreign).status()).isEqualTo(401);
    }

    @Test
    void theProfileKeepsNameAndTimeZone() {
        Session session = api.register();

        Response updated = api.patch("/api/v1/auth/me", Map.of("name", "Sam", "timeZone", "Europe/Paris"),
                session.accessToken());
        Response invalid = api.patch("/api/v1/auth/me", Map.of("timeZone", "Nowhere/Else"), session.accessToken());

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("user").get("timeZone").stringValue()).isEqualTo("Europe/Paris");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").get("timeZone").stringValue()).contains("Nowhere/Else");
        Response me = api.get("/api/v1/auth/me", session.accessToken());
        assertThat(me.json().get("user").get("name").stringValue()).isEqualTo("Sam");
        assertThat(me.json().get("user").get("timeZone").stringValue()).isEqualTo("Europe/Paris");
    }

    @Test
    void theUnversionedPathsServeTheCurrentVersion() {
        String email = email();
        Response register = api.post("/api/auth/register", Map.of("email", email, "password", "correct horse"), null);
        Response login = api.post("/api/auth/login", Map.of("email", email, "password", "correct horse"), null);

        assertThat(register.status()).isEqualTo(201);
        assertThat(register.json().get("user").get("name").stringValue()).as("name defaults to the email's local part")
                .isEqualTo(email.toLowerCase().substring(0, email.indexOf('@')));
        assertThat(login.status()).isEqualTo(200);
        assertThat(api.get("/api/auth/me", login.json().get("refreshToken").stringValue()).status())
                .as("a refresh token is no access token").isEqualTo(401);
        assertThat(api.send("POST", "/api/auth/refresh", null, null,
                Map.of("Authorization", "Bearer " + login.json().get("refreshToken").stringValue())).status())
                .isEqualTo(200);
    }

    @Test
    void malformedJsonIsAProblemNotACrash() {
        Response response = api.post("/api/v1/auth/login", "{\"email\": ", null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").stringValue()).isEqualTo("The request body is not valid JSON of the expected shape");
    }

    private Response refreshWithBearer(String token) {
        return api.send("POST", "/api/v1/auth/refresh", null, null, Map.of("Authorization", "Bearer " + token));
    }

    private Response refreshWithCookie(String token) {
        return api.send("POST", "/api/v1/auth/refresh", null, null, Map.of("Cookie", "todo_refresh=" + token));
    }

    private String sign(JwtClaimsSet claims) {
        NimbusJwtEncoder encoder = NimbusJwtEncoder.withSecretKey(
                new SecretKeySpec(Base64.getDecoder().decode(jwtSecret), "HmacSHA256")).algorithm(MacAlgorithm.HS256).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }
}
