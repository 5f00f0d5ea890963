package dev.todo.core;

/** A task field broke one of the rules in {@link TaskFields}; nothing was changed. */
public final class InvalidTaskException extends RuntimeException {

    private final String field;

    public InvalidTaskException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field that broke the rule, in the JSON name the API uses (title, description, status, ...). */
    public String field() {
        return field;
    }
}
