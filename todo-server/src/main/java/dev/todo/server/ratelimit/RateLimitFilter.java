package dev.todo.server.ratelimit;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import dev.todo.server.security.AccessTokens;
import dev.todo.server.security.Problems;

/**
 * Rate limits (NFR-2.3, NFR-3.3): each signed-in user gets {@code todo.rate-limit.user-per-minute} API
 * requests a minute (100 by default), and as many MCP calls, and so does token refresh per client address;
 * messages to the assistant have their own budget per user ({@code todo.rate-limit.chat-per-minute}, 20);
 * the endpoints that take passwords or send email get a stricter budget per client address, against
 * guessing and spam. Over the limit: {@code 429} with {@code Retry-After};
 * every limited response carries the {@code RateLimit-*} headers. Runs after Spring Security's filters,
 * so the user is known. The client address is the socket's peer, or what a trusted proxy says it is
 * ({@code todo.trusted-proxies}): a client cannot choose it. Failed sign-ins are also limited per
 * account, by the account module, whatever the address.
 */
@Component
@Order(0)
class RateLimitFilter extends OncePerRequestFilter {

    /** Where passwords are tried or email is sent: the strict per-address budget. */
    private static final Set<String> ADDRESS_LIMITED = Set.of("login", "register", "password-reset",
            "password-reset/confirm", "verify-email");

    private final long userPerMinute;
    private final long addressPerMinute;
    private final long chatPerMinute;
    private final JsonMapper json;
    /** Idle buckets are full again after a minute, so forgetting them after two changes nothing. */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(2)).maximumSize(1_000_000).build();

    RateLimitFilter(@Value("${todo.rate-limit.user-per-minute:100}") long userPerMinute,
                    @Value("${todo.rate-limit.address-per-minute:10}") long addressPerMinute,
                    @Value("${todo.rate-limit.chat-per-minute:20}") long chatPerMinute,
                    JsonMapper json) {
        this.userPerMinute = userPerMinute;
        this.addressPerMinute = addressPerMinute;
        this.chatPerMinute = chatPerMinute;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = key(request);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        long limit = key.startsWith("address:") ? addressPerMinute : key.startsWith("chat:") ? chatPerMinute : userPerMinute;
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(l -> l.capacity(limit).refillGreedy(limit, Duration.ofMinutes(1))).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        response.setHeader("RateLimit-Limit", Long.toString(limit));
        response.setHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        response.setHeader("RateLimit-Reset", Long.toString(seconds(probe.getNanosToWaitForReset())));
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = seconds(probe.getNanosToWaitForRefill());
        response.setHeader("Retry-After", Long.toString(retryAfter));
        Problems.write(response, json, HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests: try again in " + retryAfter + " second" + (retryAfter == 1 ? "" : "s"));
    }

    /** Whose budget this request spends, or {@code null} when it is not limited. */
    private static String key(HttpServletRequest request) {
        String path = request.getRequestURI();
        String authPath = path.startsWith("/api/v1/auth/") ? path.substring("/api/v1/auth/".length())
                : path.startsWith("/api/auth/") ? path.substring("/api/auth/".length()) : null;
        if (authPath != null && ADDRESS_LIMITED.contains(authPath)) {
            return "address:" + request.getRemoteAddr();
        }
        // Every page load of the web app refreshes once, and people behind one office address share it:
        // refresh gets the user budget per address (its token is 256 random bits, not worth guessing).
        if ("refresh".equals(authPath)) {
            return "refresh:" + request.getRemoteAddr();
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || "anonymousUser".equals(authentication.getPrincipal())) {
            return null;
        }
        if (("/api/v1/chat".equals(path) || "/api/chat".equals(path)) && "POST".equals(request.getMethod())) {
            return "chat:" + authentication.getName();
        }
        if (path.startsWith("/api/")) {
            return "user:" + authentication.getName();
        }
        // MCP clients get a budget of their own, the size of the API's. The assistant's own tool calls are
        // not counted: the message that caused them was, against the chat budget.
        if (path.equals("/mcp") && !AccessTokens.isAssistant(authentication)) {
            return "mcp:" + authentication.getName();
        }
        return null;
    }

    private static long seconds(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999));
    }
}
