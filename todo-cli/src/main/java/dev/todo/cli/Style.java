package dev.todo.cli;

import dev.todo.core.TaskStatus;

/** Colours for a terminal, or none at all: plain text when output is not a terminal or NO_COLOR is set. */
record Style(boolean color) {

    static final Style PLAIN = new Style(false);

    private static final String RESET = "\u001b[0m";

    String bold(String text) {
        return paint("\u001b[1m", text);
    }

    String dim(String text) {
        return paint("\u001b[2m", text);
    }

    String success(String text) {
        return paint("\u001b[32m", text);
    }

    String error(String text) {
        return paint("\u001b[31m", text);
    }

    String status(TaskStatus status, String text) {
        return switch (status) {
            case PENDING -> paint("\u001b[33m", text);
            case IN_PROGRESS -> paint("\u001b[36m", text);
            case DONE -> paint("\u001b[32m", text);
        };
    }

    private String paint(String code, String text) {
        return color ? code + text + RESET : text;
    }
}
