package dev.todo.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Starts the console: {@code ./todo}. */
public final class Main {

    /** Table width when output is not a terminal. */
    private static final int PIPED_WIDTH = 100;

    private Main() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        if (args.length > 0) {
            out.println("The console takes no arguments: run ./todo, then type 'help'.");
            System.exit(2);
        }
        TaskList tasks = new TaskList(Clock.tickMillis(ZoneOffset.UTC));
        ZoneId zone = ZoneId.systemDefault();
        if (isTerminal()) {
            try (Terminal terminal = TerminalBuilder.builder().system(true).encoding(StandardCharsets.UTF_8).build()) {
                Style style = new Style(colorWanted(System.getenv("NO_COLOR"), terminal.getType()));
                int width = terminal.getWidth() > 0 ? terminal.getWidth() : PIPED_WIDTH;
                PrintStream screen = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
                new Repl(new Session(tasks, style, zone, width), screen)
                        .run(Repl.fromTerminal(terminal, historyFile()));
            }
        } else {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            new Repl(new Session(tasks, Style.PLAIN, zone, PIPED_WIDTH), out).run(Repl.fromPipe(in, out));
        }
    }

    /** Colours only on a real terminal, and never when NO_COLOR is set (https://no-color.org). */
    static boolean colorWanted(String noColor, String terminalType) {
        return (noColor == null || noColor.isEmpty()) && !"dumb".equals(terminalType);
    }

    /** Where line history is kept across runs: {@code $TODO_HOME/history}, by default {@code ~/.todo/history}. */
    static Path historyFile() throws IOException {
        String home = System.getenv("TODO_HOME");
        Path dir = home == null || home.isBlank() ? Path.of(System.getProperty("user.home"), ".todo") : Path.of(home);
        Files.createDirectories(dir);
        return dir.resolve("history");
    }

    /** True when both standard input and output are a terminal. */
    private static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ returns a console even for redirected streams; isTerminal() tells them apart.
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
