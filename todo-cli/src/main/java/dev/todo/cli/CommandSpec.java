package dev.todo.cli;

import java.util.List;
import java.util.Optional;

/**
 * Every console command: its name, aliases, arguments, options and help. Parsing, help text and tab
 * completion all read this one table.
 */
enum CommandSpec {
    ADD("add", List.of(), Argument.TEXT, List.of(Option.DESC),
            "add <title> [--desc <text>]", "Create a task",
            "add Buy groceries --desc 'Milk, eggs, bread'"),
    LIST("list", List.of("ls"), Argument.NONE, List.of(Option.STATUS),
            "list [--status pending|done|all]", "List tasks, all or of one status",
            "list --status pending"),
    SHOW("show", List.of(), Argument.ID, List.of(),
            "show <id>", "Show one task in full",
            "show 1"),
    DONE("done", List.of(), Argument.ID, List.of(),
            "done <id>", "Mark a task complete",
            "done 1"),
    UNDO("undo", List.of(), Argument.ID, List.of(),
            "undo <id>", "Mark a completed task pending again",
            "undo 1"),
    EDIT("edit", List.of(), Argument.ID, List.of(Option.TITLE, Option.DESC),
            "edit <id> [--title <text>] [--desc <text>]", "Change a task's title or description",
            "edit 1 --title 'Buy organic groceries'"),
    DELETE("delete", List.of("rm"), Argument.ID, List.of(),
            "delete <id>", "Delete a task",
            "delete 1"),
    RESTORE("restore", List.of(), Argument.NONE, List.of(),
            "restore", "Bring back the last deleted task",
            "restore"),
    EXPORT("export", List.of(), Argument.FILE, List.of(),
            "export <file>", "Save every task to a JSON file",
            "export tasks.json"),
    IMPORT("import", List.of(), Argument.FILE, List.of(),
            "import <file>", "Add the tasks of a JSON file (all or none)",
            "import tasks.json"),
    HELP("help", List.of("?"), Argument.TOPIC, List.of(),
            "help [command]", "Show the commands, or one command in detail",
            "help edit"),
    EXIT("exit", List.of("quit"), Argument.NONE, List.of(),
            "exit", "Leave Todo",
            "exit");

    /** What a command takes besides options. */
    enum Argument { NONE, TEXT, ID, FILE, TOPIC }

    final String name;
    final List<String> aliases;
    final Argument argument;
    final List<Option> options;
    final String usage;
    final String summary;
    final String example;

    CommandSpec(String name, List<String> aliases, Argument argument, List<Option> options,
                String usage, String summary, String example) {
        this.name = name;
        this.aliases = aliases;
        this.argument = argument;
        this.options = options;
        this.usage = usage;
        this.summary = summary;
        this.example = example;
    }

    static Optional<CommandSpec> named(String word) {
        for (CommandSpec spec : values()) {
            if (spec.name.equals(word) || spec.aliases.contains(word)) {
                return Optional.of(spec);
            }
        }
        return Optional.empty();
    }

    Optional<Option> option(String word) {
        return options.stream().filter(option -> option.isNamed(word)).findFirst();
    }

    static List<String> names() {
        return java.util.Arrays.stream(values()).map(spec -> spec.name).toList();
    }
}
