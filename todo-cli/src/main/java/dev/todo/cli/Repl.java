package dev.todo.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;

/**
 * The read-run-print loop. With a terminal it reads through JLine (line editing, history kept across
 * runs, tab completion; Ctrl-C drops the line, Ctrl-D leaves). With piped input it reads plain lines and
 * echoes each after the prompt, so the output reads like the same session typed by hand.
 */
final class Repl {

    static final String PROMPT = "Todo > ";
    static final String WELCOME = "Welcome to Todo! Type 'help' to see the commands, 'exit' to leave.";

    /** Where lines come from. {@code null} means the input has ended. */
    interface Lines {
        String next();
    }

    private final Session session;
    private final PrintStream out;

    Repl(Session session, PrintStream out) {
        this.session = session;
        this.out = out;
    }

    /** Runs until {@code exit} or the end of input. */
    void run(Lines lines) {
        out.println(WELCOME);
        while (true) {
            String line = lines.next();
            if (line == null) {
                out.println();
                out.println("Bye!");
                return;
            }
            Session.Reply reply = session.execute(line);
            if (!reply.text().isEmpty()) {
                out.println(reply.text());
            }
            out.flush();
            if (reply.exit()) {
                return;
            }
        }
    }

    /** Lines typed at a terminal, with JLine's editing, history and completion. */
    static Lines fromTerminal(Terminal terminal, Path historyFile) {
        DefaultParser parser = new DefaultParser();
        parser.setEofOnUnclosedQuote(false);
        parser.setEofOnEscapedNewLine(false);
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("todo")
                .parser(parser)
                .completer(new TaskCompleter())
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.HISTORY_SIZE, 1000)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, false)
                .build();
        return () -> {
            while (true) {
                try {
                    return reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    // Ctrl-C drops the line being typed and shows a fresh prompt.
                } catch (EndOfFileException e) {
                    return null;
                }
            }
        };
    }

    /** Lines from a pipe or file: the prompt and the line are echoed as a terminal would show them. */
    static Lines fromPipe(BufferedReader in, PrintStream out) {
        return () -> {
            out.print(PROMPT);
            try {
                String line = in.readLine();
                if (line != null) {
                    out.println(line);
                }
                return line;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
