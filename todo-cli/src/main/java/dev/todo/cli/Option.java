package dev.todo.cli;

import java.util.List;

/** The options commands take. A text option's unquoted value runs up to the next option. */
enum Option {
    TITLE("--title", "-t", "<text>", true, List.of()),
    DESC("--desc", "-d", "<text>", true, List.of()),
    STATUS("--status", "-s", "pending|done|all", false, List.of("pending", "in_progress", "done", "all"));

    final String longName;
    final String shortName;
    final String valueHint;
    final boolean text;
    /** The values the option accepts, for checking and tab completion; empty means any text. */
    final List<String> values;

    Option(String longName, String shortName, String valueHint, boolean text, List<String> values) {
        this.longName = longName;
        this.shortName = shortName;
        this.valueHint = valueHint;
        this.text = text;
        this.values = values;
    }

    boolean isNamed(String name) {
        return longName.equals(name) || shortName.equals(name);
    }
}
