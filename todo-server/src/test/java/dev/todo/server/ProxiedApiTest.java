package dev.todo.server;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Like {@link ApiTest}, but as deployed behind a proxy: the tests' own address (this machine) is the
 * trusted proxy, so each test plays any client address with {@code X-Forwarded-For}; an address gets 3
 * attempts a minute at the sign-in and email endpoints, and the clock moves only when a test moves it.
 * One application context for every class with this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"todo.trusted-proxies=127.0.0.1, ::1", "todo.rate-limit.address-per-minute=3"})
@ActiveProfiles("test")
@Import(MovableClock.Installed.class)
public @interface ProxiedApiTest {
}
