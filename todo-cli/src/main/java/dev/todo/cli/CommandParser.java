package dev.todo.cli;

import dev.todo.cli.Words.Word;
import dev.todo.core.TaskStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a typed line into a {@link Command}, or a {@link UsageException} that says what is wrong. */
final class CommandParser {

    private CommandParser() {
    }

    /** The command on the line, or null for a blank line or a {@code #} comment. */
    static Command parse(String line) {
        if (line.isBlank() || line.strip().startsWith("#")) {
            return null;
        }
        List<Word> words = Words.split(line);
        String name = words.get(0).text().toLowerCase(Locale.ROOT);
        CommandSpec spec = CommandSpec.named(name).orElseThrow(() -> unknownCommand(name));

        List<String> arguments = new ArrayList<>();
        Map<Option, String> options = new EnumMap<>(Option.class);
        for (int i = 1; i < words.size(); i++) {
            Word word = words.get(i);
            if (!isOption(word)) {
                arguments.add(word.text());
                continue;
            }
            String optionName = word.text();
            String value = null;
            int equals = optionName.indexOf('=');
            if (equals > 0) {
                value = optionName.substring(equals + 1);
                optionName = optionName.substring(0, equals);
            }
            Option option = optionOf(spec, optionName);
            if (options.containsKey(option)) {
                throw new UsageException("Option " + option.longName + " is given twice");
            }
            if (value == null) {
                int end = valueEnd(words, i, option);
                if (end == i + 1) {
                    throw new UsageException("Option " + option.longName + " needs a value: " + spec.usage);
                }
                value = join(words.subList(i + 1, end));
                i = end - 1;
            }
            options.put(option, value);
        }
        return build(spec, arguments, options);
    }

    private static boolean isOption(Word word) {
        String text = word.text();
        return word.optionLike() && text.length() > 1 && !text.matches("-\\d+");
    }

    /** Where an option's value ends: one word, or for a text option every unquoted word up to the next option. */
    private static int valueEnd(List<Word> words, int optionIndex, Option option) {
        int i = optionIndex + 1;
        if (i >= words.size() || isOption(words.get(i))) {
            return i;
        }
        if (!option.text || words.get(i).quoted()) {
            return i + 1;
        }
        while (i < words.size() && !isOption(words.get(i))) {
            i++;
        }
        return i;
    }

    private static Command build(CommandSpec spec, List<String> arguments, Map<Option, String> options) {
        return switch (spec) {
            case ADD -> new Command.Add(text(spec, arguments), options.get(Option.DESC));
            case LIST -> new Command.ListTasks(statusFilter(options.get(Option.STATUS), arguments));
            case SHOW -> new Command.Show(id(spec, arguments));
            case DONE -> new Command.Done(id(spec, arguments));
            case UNDO -> new Command.Undo(id(spec, arguments));
            case DELETE -> new Command.Delete(id(spec, arguments));
            case EDIT -> {
                long id = id(spec, arguments);
                if (options.isEmpty()) {
                    throw new UsageException("Nothing to change: give --title and/or --desc, e.g. " + spec.example);
                }
                yield new Command.Edit(id, options.get(Option.TITLE), options.get(Option.DESC));
            }
            case RESTORE -> {
                none(spec, arguments);
                yield new Command.Restore();
            }
            case EXPORT -> new Command.Export(file(spec, arguments));
            case IMPORT -> new Command.Import(file(spec, arguments));
            case HELP -> new Command.Help(topic(arguments));
            case EXIT -> {
                none(spec, arguments);
                yield new Command.Exit();
            }
        };
    }

    private static String text(CommandSpec spec, List<String> arguments) {
        if (arguments.isEmpty()) {
            throw new UsageException("Missing title: " + spec.usage + "  (e.g. " + spec.example + ")");
        }
        return String.join(" ", arguments);
    }

    private static long id(CommandSpec spec, List<String> arguments) {
        if (arguments.isEmpty()) {
            throw new UsageException("Missing task id: " + spec.usage + "  (e.g. " + spec.example + ")");
        }
        if (arguments.size() > 1) {
            throw new UsageException("Too many arguments: " + spec.usage);
        }
        String text = arguments.get(0);
        String digits = text.startsWith("#") ? text.substring(1) : text;
        if (!digits.matches("\\d{1,18}")) {
            throw new UsageException("'" + text + "' is not a task id: use the number shown by list, e.g. "
                    + spec.example);
        }
        return Long.parseLong(digits);
    }

    private static String file(CommandSpec spec, List<String> arguments) {
        if (arguments.isEmpty()) {
            throw new UsageException("Missing file name: " + spec.usage + "  (e.g. " + spec.example + ")");
        }
        if (arguments.size() > 1) {
            throw new UsageException("Too many arguments: " + spec.usage + "  (quote a file name that has spaces)");
        }
        return arguments.get(0);
    }

    private static void none(CommandSpec spec, List<String> arguments) {
        if (!arguments.isEmpty()) {
            throw new UsageException("'" + spec.name + "' takes no arguments");
        }
    }

    private static String topic(List<String> arguments) {
        if (arguments.isEmpty()) {
            return null;
        }
        String topic = arguments.get(0).toLowerCase(Locale.ROOT);
        return CommandSpec.named(topic).map(spec -> spec.name).orElseThrow(() -> unknownCommand(topic));
    }

    private static TaskStatus statusFilter(String value, List<String> arguments) {
        if (!arguments.isEmpty()) {
            throw new UsageException("'list' takes no arguments: " + CommandSpec.LIST.usage);
        }
        if (value == null || value.equalsIgnoreCase("all")) {
            return null;
        }
        String status = value.strip().toLowerCase(Locale.ROOT);
        if (!Option.STATUS.values.contains(status)) {
            throw new UsageException("Unknown status '" + value + "': use pending, done or all"
                    + Suggestions.closest(status, Option.STATUS.values).map(s -> " (did you mean " + s + "?)").orElse(""));
        }
        return TaskStatus.fromWireName(status);
    }

    private static Option optionOf(CommandSpec spec, String name) {
        return spec.option(name).orElseThrow(() -> {
            List<String> known = spec.options.stream().map(option -> option.longName).toList();
            if (known.isEmpty()) {
                return new UsageException("'" + spec.name + "' takes no options: " + spec.usage);
            }
            String hint = Suggestions.closest(name, known)
                    .map(s -> "Did you mean " + s + "?")
                    .orElse("Options: " + String.join(", ", known) + ".");
            return new UsageException("Unknown option " + name + " for '" + spec.name + "'. " + hint);
        });
    }

    private static UsageException unknownCommand(String name) {
        List<String> known = new ArrayList<>(CommandSpec.names());
        String hint = Suggestions.closest(name, known).map(s -> " Did you mean '" + s + "'?").orElse("");
        return new UsageException("Unknown command '" + name + "'." + hint + " Type 'help' to see the commands.");
    }

    private static String join(List<Word> words) {
        return String.join(" ", words.stream().map(Word::text).toList());
    }
}
