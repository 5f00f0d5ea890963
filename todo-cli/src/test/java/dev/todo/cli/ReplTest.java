package dev.todo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A stuck terminal fails the test instead of hanging the build. */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReplTest {

    /** The up arrow as an xterm in application cursor mode sends it. */
    private static final String UP = "\u001bOA";

    private final MutableClock clock = new MutableClock("2026-11-22T09:00:00Z");
    private final TaskList tasks = new TaskList(clock);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @TempDir
    Path home;

    private Repl repl(Style style) {
        return new Repl(new Session(tasks, style, ZoneOffset.UTC, 100), out);
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void pipedLinesAreEchoedAfterThePromptLikeATypedSession() {
        BufferedReader in = new BufferedReader(new StringReader("add Buy groceries\n\ndone 1\nexit\nlist\n"));
        repl(Style.PLAIN).run(Repl.fromPipe(in, out));
        assertThat(output()).isEqualTo("""
                Welcome to Todo! Type 'help' to see the commands, 'exit' to leave.
                Todo > add Buy groceries
                Created task #1: Buy groceries
                Todo >\s
                Todo > done 1
                Marked task #1 as done.
                Todo > exit
                Bye!
                """);
    }

    @Test
    void endOfPipedInputEndsTheSession() {
        repl(Style.PLAIN).run(Repl.fromPipe(new BufferedReader(new StringReader("add x")), out));
        assertThat(output()).endsWith("Todo > add x\nCreated task #1: x\nTodo > \nBye!\n");
    }

    /** Types each of {@code lines} (xterm key codes) at its prompt of a JLine terminal; returns the screen. */
    private String typeAtTerminal(String... lines) throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream() {
            @Override
            public synchronized String toString(java.nio.charset.Charset charset) {
                return super.toString(charset);
            }
        };
        Attributes keyboardSignals = new Attributes();
        keyboardSignals.setLocalFlag(Attributes.LocalFlag.ISIG, true);
        keyboardSignals.setControlChar(Attributes.ControlChar.VINTR, 3);
        keyboardSignals.setControlChar(Attributes.ControlChar.VEOF, 4);
        try (Terminal terminal = TerminalBuilder.builder()
                .streams(new Keyboard(List.of(lines), screen), screen).attributes(keyboardSignals)
                .provider("exec").type("xterm").size(new org.jline.terminal.Size(100, 30)).encoding(StandardCharsets.UTF_8)
                .build()) {
            PrintStream printer = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
            new Repl(new Session(tasks, new Style(true), ZoneOffset.UTC, terminal.getWidth()), printer)
                    .run(Repl.fromTerminal(terminal, home.resolve("history")));
        }
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void upArrowRecallsThePreviousLineAndHistoryIsSaved() throws Exception {
        String screen = typeAtTerminal("add Buy milk\r", UP + "\r", "exit\r");
        assertThat(screen).contains("Created task #2: Buy milk");
        assertThat(tasks.size()).isEqualTo(2);
        assertThat(Files.readString(home.resolve("history"))).contains("add Buy milk", "exit");
    }

    @Test
    void historyFromAnEarlierRunIsRecalled() throws Exception {
        Files.writeString(home.resolve("history"), "1700000000000:add From yesterday\n");
        typeAtTerminal(UP + "\r", "exit\r");
        assertThat(tasks.find(1).orElseThrow().title()).isEqualTo("From yesterday");
    }

    @Test
    void tabCompletesCommandsOptionsAndValues() throws Exception {
        typeAtTerminal("ad\tTab test\r", "exit\r");
        assertThat(tasks.find(1).orElseThrow().title()).isEqualTo("Tab test");

        String screen = typeAtTerminal("done 1\r", "list --st\tdo\t\r", "exit\r");
        assertThat(screen).contains("1 done task (1 in all)");
    }

    @Test
    void ctrlCDropsTheLineAndCtrlDLeaves() throws Exception {
        String screen = typeAtTerminal("add half typed\u0003", "add whole\r", "\u0004");
        assertThat(tasks.list(null)).extracting(dev.todo.core.Task::title).containsExactly("whole");
        assertThat(screen.stripTrailing()).endsWith("Bye!");
    }

    @Test
    void historyExpansionIsOffSoExclamationMarksAreText() throws Exception {
        typeAtTerminal("add Call mom!!\r", "\u0004");
        assertThat(tasks.find(1).orElseThrow().title()).isEqualTo("Call mom!!");
    }

    /**
     * A keyboard that types one chunk of keys each time the reader asks for a line, as a person
     * does, then stays connected and idle (it blocks rather than ending the input).
     */
    private static final class Keyboard extends InputStream {

        private final List<String> chunks;
        private final ByteArrayOutputStream screen;
        private int typed;
        /** Keys after a Ctrl-C in the middle of a chunk: typed a moment later, as a person would. */
        private String heldBack;

        Keyboard(List<String> chunks, ByteArrayOutputStream screen) {
            this.chunks = chunks;
            this.screen = screen;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            String chunk;
            try {
                if (heldBack != null) {
                    // The reader is back waiting for keys when the signal comes, so it is not lost in a race.
                    Thread.sleep(100);
                    chunk = heldBack;
                    heldBack = null;
                } else {
                    while (typed >= chunks.size() || linesAsked() <= typed) {
                        Thread.sleep(5);
                    }
                    chunk = chunks.get(typed++);
                    int interrupt = chunk.indexOf('\u0003');
                    if (interrupt > 0) {
                        heldBack = chunk.substring(interrupt);
                        chunk = chunk.substring(0, interrupt);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
            byte[] keys = chunk.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(keys, 0, buffer, offset, keys.length);
            return keys.length;
        }

        /**
         * How many lines the reader has asked for. JLine redraws the prompt when it accepts a line, so
         * prompts cannot be counted; it switches bracketed paste on exactly once per readLine, once its
         * Ctrl-C handler is in place.
         */
        private int linesAsked() {
            String shown = screen.toString(StandardCharsets.UTF_8);
            String marker = "\u001b[?2004h";
            int count = 0;
            for (int at = shown.indexOf(marker); at >= 0; at = shown.indexOf(marker, at + 1)) {
                count++;
            }
            return count;
        }
    }
}
