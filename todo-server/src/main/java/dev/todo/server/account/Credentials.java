package dev.todo.server.account;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.todo.server.web.InvalidRequestException;

/** The rules for what a person types when registering or changing their profile. */
final class Credentials {

    static final int PASSWORD_MIN_LENGTH = 8;
    /** BCrypt reads at most 72 bytes; a longer password would be silently cut. */
    static final int PASSWORD_MAX_BYTES = 72;
    static final int NAME_MAX_LENGTH = 100;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private Credentials() {
    }

    /** Emails are compared case-insensitively: they are stored and looked up lower-cased. */
    static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    static void checkEmail(String email, Map<String, String> errors) {
        if (email.isEmpty()) {
            errors.put("email", "Email is required");
        } else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            errors.put("email", "'" + email + "' is not a valid email address");
        }
    }

    static void checkPassword(String password, Map<String, String> errors) {
        if (password == null || password.codePointCount(0, password.length()) < PASSWORD_MIN_LENGTH) {
            errors.put("password", "Password must be at least " + PASSWORD_MIN_LENGTH + " characters");
        } else if (password.getBytes(StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES) {
            errors.put("password", "Password must be at most " + PASSWORD_MAX_BYTES + " bytes");
        }
    }

    /** A display name: blank means the part of the email before the {@code @}. */
    static String name(String name, String email, Map<String, String> errors) {
        String value = name == null || name.isBlank() ? email.substring(0, Math.max(0, email.indexOf('@'))) : name.strip();
        if (value.codePointCount(0, value.length()) > NAME_MAX_LENGTH) {
            errors.put("name", "Name must be at most " + NAME_MAX_LENGTH + " characters");
        }
        return value;
    }

    /** An IANA time zone such as {@code Europe/Paris}; blank means UTC. */
    static String timeZone(String zone, Map<String, String> errors) {
        if (zone == null || zone.isBlank()) {
            return "UTC";
        }
        try {
            return ZoneId.of(zone.strip()).getId();
        } catch (DateTimeException e) {
            errors.put("timeZone", "'" + zone + "' is not a time zone like Europe/Paris");
            return null;
        }
    }

    static Map<String, String> errors() {
        return new LinkedHashMap<>();
    }

    static void throwIfAny(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}
