package dev.todo.server.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC key that signs access tokens. From configuration ({@code TODO_JWT_SECRET}, base64, at least
 * 32 bytes) in production; for the embedded default a random key is generated once and kept in the data
 * home, readable only by its owner, so tokens survive a restart and no secret lives in the repository.
 */
final class JwtSecret {

    static final int MIN_BYTES = 32;

    private JwtSecret() {
    }

    static SecretKey load(String configured, Path file) {
        byte[] key = configured == null || configured.isBlank() ? fromFile(file) : decode(configured.strip());
        if (key.length < MIN_BYTES) {
            throw new IllegalStateException("The JWT secret must be at least " + MIN_BYTES + " bytes (base64), it has "
                    + key.length);
        }
        return new SecretKeySpec(key, "HmacSHA256");
    }

    private static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the JWT secret " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[64];
        new SecureRandom().nextBytes(key);
        Path temporary = Files.createTempFile(file.getParent(), "jwt-secret", ".tmp");
        try {
            if (Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temporary, Base64.getEncoder().encodeToString(key), StandardOpenOption.TRUNCATE_EXISTING);
            // Two servers starting together must agree on one key: the first link wins, the other reads it.
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException e) {
            // Another process created it first; use theirs.
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The JWT secret is not valid base64", e);
        }
    }
}
