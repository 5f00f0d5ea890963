package dev.todo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: starts the packaged console ({@code target/todo-cli.jar}) as a real process, types into
 * it through a pipe or a real pseudo-terminal, and reads what it prints. Covers every acceptance
 * scenario of FR-1.1 to FR-1.5 and the Phase I user journey.
 */
class ConsoleIT {

    private static final Path JAR = Path.of("target", "todo-cli.jar").toAbsolutePath();

    @TempDir
    Path home;

    record Run(String out, String err, int exitCode) {
    }

    private List<String> javaCommand() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        String agent = System.getProperty("todo.console.agent", "");
        if (!agent.isBlank() && !agent.startsWith("${")) {
            command.add(agent);
        }
        command.add("-jar");
        command.add(JAR.toString());
        return command;
    }

    private Run run(String input, Map<String, String> env, List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().put("TODO_HOME", home.toString());
        builder.environment().put("HOME", home.toString());
        builder.environment().put("TZ", "UTC");
        builder.environment().remove("NO_COLOR");
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        var out = process.getInputStream().readAllBytes();
        var err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("console ends by itself").isTrue();
        return new Run(new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8),
                process.exitValue());
    }

    /** Pipes {@code lines} into the console and checks it ended well: exit 0, nothing on stderr. */
    private String console(String... lines) throws Exception {
        Run run = run(String.join("\n", lines) + "\n", Map.of(), javaCommand());
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).doesNotContain("\u001b").doesNotContain("Exception");
        return run.out();
    }

    private static long tableRows(String output) {
        return output.lines().filter(line -> line.matches("\\d+ +\\| .*")).count();
    }

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    @Test
    void phaseOneUserJourneyReadsExactlyLikeTheSpec() throws Exception {
        String out = console(
                "add Buy groceries",
                "add Call mom --desc 'Ask about weekend plans'",
                "list",
                "done 1",
                "list --status pending",
                "exit");
        String date = today();
        assertThat(out).isEqualTo("""
                Welcome to Todo! Type 'help' to see the commands, 'exit' to leave.
                Todo > add Buy groceries
                Created task #1: Buy groceries
                Todo > add Call mom --desc 'Ask about weekend plans'
                Created task #2: Call mom
                Todo > list
                ID | Title         | Status  | Created
                ---|---------------|---------|-----------
                1  | Buy groceries | pending | %1$s
                2  | Call mom      | pending | %1$s
                2 tasks: 2 pending
                Todo > done 1
                Marked task #1 as done.
                Todo > list --status pending
                ID | Title    | Status  | Created
                ---|----------|---------|-----------
                2  | Call mom | pending | %1$s
                1 pending task (2 in all)
                Todo > exit
                Bye!
                """.formatted(date));
    }

    @Test
    void createTaskWithTitleOnlyOrWithDescription() throws Exception {
        String out = console("add Buy groceries", "show 1", "add Buy groceries --desc 'Milk, eggs, bread'", "show 2");
        assertThat(out).contains("Created task #1: Buy groceries", "Created task #2: Buy groceries");
        assertThat(out).contains("Task #1: Buy groceries\nStatus:      pending\nDescription: (none)");
        assertThat(out).contains("Task #2: Buy groceries\nStatus:      pending\nDescription: Milk, eggs, bread");
    }

    @Test
    void listAllPendingOrDoneTasks() throws Exception {
        String out = console("add one", "add two", "add three", "add four", "add five", "done 2", "done 4",
                "list", "list --status pending", "list --status done", "list --status all");
        String[] listings = out.split("Todo > list");
        assertThat(tableRows(listings[1])).isEqualTo(5);
        assertThat(listings[1]).contains("ID | Title | Status  | Created").contains("| " + today());
        assertThat(tableRows(listings[2])).isEqualTo(3);
        assertThat(listings[2]).contains("1  | one   | pending", "3  | three | pending", "5  | five  | pending");
        assertThat(tableRows(listings[3])).isEqualTo(2);
        assertThat(listings[3]).contains("2  | two   | done", "4  | four  | done");
        assertThat(tableRows(listings[4])).isEqualTo(5);
    }

    @Test
    void doneRecordsCompletionTimeAndUndoClearsIt() throws Exception {
        String out = console("add Buy groceries", "done 1", "show 1", "undo 1", "show 1");
        String[] shows = out.split("Todo > show 1\n");
        assertThat(out).contains("Marked task #1 as done.", "Marked task #1 as pending.");
        assertThat(shows[1]).contains("Status:      done").containsPattern("Completed:   " + today() + " \\d\\d:\\d\\d");
        assertThat(shows[2]).contains("Status:      pending").doesNotContain("Completed:");
    }

    @Test
    void deleteExistingAndMissingTasks() throws Exception {
        String out = console("add Buy groceries", "add Call mom", "delete 1", "list", "delete 999");
        assertThat(out).contains("Deleted task #1: Buy groceries");
        assertThat(out.split("Todo > list")[1]).doesNotContain("Buy groceries").contains("Call mom");
        assertThat(out).contains("Todo > delete 999\nTask 999 not found\n");
    }

    @Test
    void editTitleAndDescription() throws Exception {
        String out = console("add Buy groceries", "edit 1 --title 'Buy organic groceries'",
                "edit 1 --desc 'From the farmers market'", "show 1");
        assertThat(out).contains("Updated task #1: Buy organic groceries");
        assertThat(out).contains("Task #1: Buy organic groceries\nStatus:      pending\nDescription: From the farmers market");
    }

    @Test
    void badInputGetsAClearMessageAndChangesNothing() throws Exception {
        String out = console("add " + "x".repeat(201), "done abc", "lst", "add 'unclosed", "edit 1 --prio high",
                "list");
        assertThat(out).contains(
                "Title must be at most 200 characters (it has 201)",
                "'abc' is not a task id: use the number shown by list, e.g. done 1",
                "Unknown command 'lst'. Did you mean 'list'? Type 'help' to see the commands.",
                "Missing closing ' quote",
                "Unknown option --prio for 'edit'. Options: --title, --desc.",
                "No tasks yet. Add one with: add <title>");
    }

    @Test
    void endOfInputWithoutExitEndsCleanly() throws Exception {
        assertThat(console("add x")).endsWith("Todo > \nBye!\n");
    }

    @Test
    void exportInOneSessionImportsInTheNext() throws Exception {
        console("add Buy groceries --desc 'Milk, eggs'", "add Call mom", "done 2", "export tasks.json");
        assertThat(home.resolve("tasks.json")).exists();
        String out = console("import tasks.json", "list", "show 1");
        assertThat(out).contains("Imported 2 tasks (#1 to #2) from tasks.json");
        assertThat(out).contains("1  | Buy groceries | pending", "2  | Call mom      | done");
        assertThat(out).contains("Description: Milk, eggs");
    }

    @Test
    void argumentsAreRefused() throws Exception {
        List<String> command = javaCommand();
        command.add("list");
        Run run = run("", Map.of(), command);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEqualTo("The console takes no arguments: run ./todo, then type 'help'.\n");
    }

    /** Runs the console on a real pseudo-terminal (util-linux {@code script}), typing {@code input}. */
    private Run atTerminal(String input, Map<String, String> env) throws Exception {
        String java = String.join(" ", javaCommand().stream().map(ConsoleIT::shellQuote).toList());
        return run(input, env, List.of("script", "-qec", java, "/dev/null"));
    }

    private static String shellQuote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    @Test
    void atARealTerminalStatusesAreColouredAndHistoryIsKept() throws Exception {
        Run run = atTerminal("add Buy milk\nlist\nexit\n", Map.of("TERM", "xterm-256color"));
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\u001b[32mCreated task #1: Buy milk\u001b[0m", "\u001b[33mpending\u001b[0m");
        assertThat(Files.readString(home.resolve("history"))).contains("add Buy milk", "list", "exit");
    }

    @Test
    void noColorTurnsColoursOffEvenAtATerminal() throws Exception {
        Run run = atTerminal("add Buy milk\nlist\nexit\n", Map.of("TERM", "xterm-256color", "NO_COLOR", "1"));
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Created task #1: Buy milk").doesNotContain("\u001b[32m", "\u001b[33m");
    }
}
