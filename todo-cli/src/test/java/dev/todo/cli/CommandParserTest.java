package dev.todo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.core.TaskStatus;
import org.junit.jupiter.api.Test;

class CommandParserTest {

    private static Command parse(String line) {
        return CommandParser.parse(line);
    }

    @Test
    void blankLinesAndCommentsAreNoCommand() {
        assertThat(parse("")).isNull();
        assertThat(parse("   ")).isNull();
        assertThat(parse("  # a note")).isNull();
    }

    @Test
    void addTakesTheRestOfTheLineAsTitle() {
        assertThat(parse("add Buy groceries")).isEqualTo(new Command.Add("Buy groceries", null));
        assertThat(parse("ADD 'Buy  groceries'")).isEqualTo(new Command.Add("Buy  groceries", null));
    }

    @Test
    void addWithQuotedDescriptionInEitherQuotesAndAnyOrder() {
        Command expected = new Command.Add("Buy groceries", "Milk, eggs, bread");
        assertThat(parse("add Buy groceries --desc 'Milk, eggs, bread'")).isEqualTo(expected);
        assertThat(parse("add Buy groceries --desc \"Milk, eggs, bread\"")).isEqualTo(expected);
        assertThat(parse("add --desc 'Milk, eggs, bread' Buy groceries")).isEqualTo(expected);
        assertThat(parse("add -d 'Milk, eggs, bread' Buy groceries")).isEqualTo(expected);
        assertThat(parse("add Buy groceries --desc='Milk, eggs, bread'")).isEqualTo(expected);
    }

    @Test
    void unquotedTextOptionRunsToTheNextOption() {
        assertThat(parse("add Buy groceries --desc Milk, eggs, bread"))
                .isEqualTo(new Command.Add("Buy groceries", "Milk, eggs, bread"));
        assertThat(parse("edit 3 --desc From the market --title Buy food"))
                .isEqualTo(new Command.Edit(3, "Buy food", "From the market"));
    }

    @Test
    void negativeLookingWordsAreText() {
        assertThat(parse("add -5 degrees")).isEqualTo(new Command.Add("-5 degrees", null));
        assertThat(parse("add '--not an option'")).isEqualTo(new Command.Add("--not an option", null));
    }

    @Test
    void listTakesAStatusFilter() {
        assertThat(parse("list")).isEqualTo(new Command.ListTasks(null));
        assertThat(parse("ls --status all")).isEqualTo(new Command.ListTasks(null));
        assertThat(parse("list --status pending")).isEqualTo(new Command.ListTasks(TaskStatus.PENDING));
        assertThat(parse("list -s DONE")).isEqualTo(new Command.ListTasks(TaskStatus.DONE));
        assertThat(parse("list --status=in_progress")).isEqualTo(new Command.ListTasks(TaskStatus.IN_PROGRESS));
    }

    @Test
    void idCommands() {
        assertThat(parse("done 1")).isEqualTo(new Command.Done(1));
        assertThat(parse("undo #2")).isEqualTo(new Command.Undo(2));
        assertThat(parse("show 3")).isEqualTo(new Command.Show(3));
        assertThat(parse("rm 4")).isEqualTo(new Command.Delete(4));
        assertThat(parse("delete 999")).isEqualTo(new Command.Delete(999));
        assertThat(parse("edit 1 --title 'Buy organic groceries'"))
                .isEqualTo(new Command.Edit(1, "Buy organic groceries", null));
        assertThat(parse("edit 1 --desc ''")).isEqualTo(new Command.Edit(1, null, ""));
    }

    @Test
    void otherCommands() {
        assertThat(parse("restore")).isEqualTo(new Command.Restore());
        assertThat(parse("export 'my tasks.json'")).isEqualTo(new Command.Export("my tasks.json"));
        assertThat(parse("import tasks.json")).isEqualTo(new Command.Import("tasks.json"));
        assertThat(parse("help")).isEqualTo(new Command.Help(null));
        assertThat(parse("? rm")).isEqualTo(new Command.Help("delete"));
        assertThat(parse("exit")).isEqualTo(new Command.Exit());
        assertThat(parse("quit")).isEqualTo(new Command.Exit());
    }

    @Test
    void idsThatAreNotNumbersGetAClearError() {
        assertThatThrownBy(() -> parse("done abc"))
                .isInstanceOf(UsageException.class)
                .hasMessage("'abc' is not a task id: use the number shown by list, e.g. done 1");
        assertThatThrownBy(() -> parse("delete 1.5")).hasMessageStartingWith("'1.5' is not a task id");
        assertThatThrownBy(() -> parse("show 99999999999999999999")).hasMessageContaining("is not a task id");
        assertThatThrownBy(() -> parse("done -1")).hasMessageStartingWith("'-1' is not a task id");
    }

    @Test
    void missingOrExtraArguments() {
        assertThatThrownBy(() -> parse("done")).hasMessage("Missing task id: done <id>  (e.g. done 1)");
        assertThatThrownBy(() -> parse("done 1 2")).hasMessage("Too many arguments: done <id>");
        assertThatThrownBy(() -> parse("add")).hasMessage(
                "Missing title: add <title> [--desc <text>]  (e.g. add Buy groceries --desc 'Milk, eggs, bread')");
        assertThatThrownBy(() -> parse("add --desc 'only a description'")).hasMessageStartingWith("Missing title");
        assertThatThrownBy(() -> parse("export")).hasMessageStartingWith("Missing file name: export <file>");
        assertThatThrownBy(() -> parse("export my tasks.json")).hasMessageContaining("quote a file name");
        assertThatThrownBy(() -> parse("exit now")).hasMessage("'exit' takes no arguments");
        assertThatThrownBy(() -> parse("restore 1")).hasMessage("'restore' takes no arguments");
        assertThatThrownBy(() -> parse("list pending")).hasMessageStartingWith("'list' takes no arguments");
        assertThatThrownBy(() -> parse("edit 1")).hasMessage(
                "Nothing to change: give --title and/or --desc, e.g. edit 1 --title 'Buy organic groceries'");
    }

    @Test
    void optionMistakes() {
        assertThatThrownBy(() -> parse("add x --descr y")).hasMessage("Unknown option --descr for 'add'. Did you mean --desc?");
        assertThatThrownBy(() -> parse("add x --priority high"))
                .hasMessage("Unknown option --priority for 'add'. Options: --desc.");
        assertThatThrownBy(() -> parse("done 1 --force")).hasMessage("'done' takes no options: done <id>");
        assertThatThrownBy(() -> parse("add x --desc")).hasMessage("Option --desc needs a value: add <title> [--desc <text>]");
        assertThatThrownBy(() -> parse("add x --desc --desc y")).hasMessageStartingWith("Option --desc needs a value");
        assertThatThrownBy(() -> parse("add x -d a -d b")).hasMessage("Option --desc is given twice");
        assertThatThrownBy(() -> parse("list --status finished")).hasMessage("Unknown status 'finished': use pending, done or all");
        assertThatThrownBy(() -> parse("list --status pendng"))
                .hasMessage("Unknown status 'pendng': use pending, done or all (did you mean pending?)");
    }

    @Test
    void unknownCommandsSuggestTheClosestOne() {
        assertThatThrownBy(() -> parse("lst"))
                .hasMessage("Unknown command 'lst'. Did you mean 'list'? Type 'help' to see the commands.");
        assertThatThrownBy(() -> parse("frobnicate"))
                .hasMessage("Unknown command 'frobnicate'. Type 'help' to see the commands.");
        assertThatThrownBy(() -> parse("help lst")).hasMessageStartingWith("Unknown command 'lst'. Did you mean 'list'?");
    }
}
