package dev.todo.server.mcp;

/** A tool argument that is missing or malformed; the message says what a valid one looks like. */
class ToolInputException extends RuntimeException {

    ToolInputException(String message) {
        super(message);
    }
}
