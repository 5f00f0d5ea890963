package dev.todo.cli;

import java.util.stream.Collectors;

/** The text of {@code help} and {@code help <command>}, written from {@link CommandSpec}. */
final class Help {

    private Help() {
    }

    static String text(String topic, Style style) {
        if (topic != null) {
            return command(CommandSpec.named(topic).orElseThrow(), style);
        }
        int width = 0;
        for (CommandSpec spec : CommandSpec.values()) {
            width = Math.max(width, spec.usage.length());
        }
        StringBuilder out = new StringBuilder(style.bold("Commands:")).append('\n');
        for (CommandSpec spec : CommandSpec.values()) {
            out.append("  ").append(spec.usage).append(" ".repeat(width - spec.usage.length() + 2))
                    .append(spec.summary).append('\n');
        }
        out.append('\n')
                .append("Quote text that holds spaces or dashes: add Call mom --desc 'Ask about weekend plans'\n")
                .append("Tasks live in memory for this session: export them to keep them.\n")
                .append("Type 'help <command>' for details. Up/down arrows recall earlier lines; Tab completes.");
        return out.toString();
    }

    private static String command(CommandSpec spec, Style style) {
        StringBuilder out = new StringBuilder(style.bold(spec.usage)).append('\n')
                .append("  ").append(spec.summary).append('\n');
        if (!spec.options.isEmpty()) {
            out.append("Options:\n");
            for (Option option : spec.options) {
                out.append("  ").append(option.longName).append(", ").append(option.shortName).append(' ')
                        .append(option.valueHint).append('\n');
            }
        }
        if (!spec.aliases.isEmpty()) {
            out.append("Also: ").append(spec.aliases.stream().collect(Collectors.joining(", "))).append('\n');
        }
        out.append("Example: ").append(spec.example);
        return out.toString();
    }
}
