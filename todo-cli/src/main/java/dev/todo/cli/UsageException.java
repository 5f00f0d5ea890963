package dev.todo.cli;

/** The user typed something the console cannot run; the message says what and how to fix it. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
