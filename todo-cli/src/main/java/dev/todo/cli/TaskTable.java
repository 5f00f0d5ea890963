package dev.todo.cli;

import dev.todo.core.Task;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jline.utils.WCWidth;

/**
 * The task table of the list command:
 * <pre>
 * ID | Title         | Status  | Created
 * ---|---------------|---------|-----------
 * 1  | Buy groceries | pending | 2025-01-17
 * </pre>
 * Titles longer than the room left by the other columns are cut with an ellipsis; {@code show} prints
 * them whole. Widths count display columns, so wide characters line up.
 */
final class TaskTable {

    private static final int MIN_TITLE_WIDTH = 10;
    private static final String[] HEADERS = {"ID", "Title", "Status", "Created"};

    private final Style style;
    private final ZoneId zone;
    private final int width;

    /** {@code width}: the screen columns the table may use. */
    TaskTable(Style style, ZoneId zone, int width) {
        this.style = style;
        this.zone = zone;
        this.width = width;
    }

    String render(List<Task> tasks) {
        String[][] rows = new String[tasks.size()][];
        int[] widths = new int[HEADERS.length];
        for (int c = 0; c < HEADERS.length; c++) {
            widths[c] = HEADERS[c].length();
        }
        for (int r = 0; r < tasks.size(); r++) {
            Task task = tasks.get(r);
            rows[r] = new String[] {
                Long.toString(task.id()),
                oneLine(task.title()),
                task.status().wireName(),
                LocalDate.ofInstant(task.createdAt(), zone).toString()
            };
            for (int c = 0; c < HEADERS.length; c++) {
                widths[c] = Math.max(widths[c], displayWidth(rows[r][c]));
            }
        }
        int separators = 3 * (HEADERS.length - 1);
        int room = width - separators - widths[0] - widths[2] - widths[3];
        widths[1] = Math.min(widths[1], Math.max(MIN_TITLE_WIDTH, room));

        StringBuilder out = new StringBuilder(64 * (tasks.size() + 2));
        appendRow(out, HEADERS, widths, null);
        for (int c = 0; c < widths.length; c++) {
            out.append(c == 0 ? "" : "|").append("-".repeat(widths[c] + (c == 0 || c == widths.length - 1 ? 1 : 2)));
        }
        out.append('\n');
        for (int r = 0; r < rows.length; r++) {
            appendRow(out, rows[r], widths, tasks.get(r));
        }
        return out.toString();
    }

    private void appendRow(StringBuilder out, String[] cells, int[] widths, Task task) {
        for (int c = 0; c < cells.length; c++) {
            String cell = fit(cells[c], widths[c]);
            boolean last = c == cells.length - 1;
            String padded = last ? cell : cell + " ".repeat(widths[c] - displayWidth(cell));
            if (task == null) {
                padded = style.bold(padded);
            } else if (c == 2) {
                padded = style.status(task.status(), padded);
            }
            out.append(c == 0 ? "" : " | ").append(padded);
        }
        out.append('\n');
    }

    /** The text cut to {@code columns} display columns, ending in an ellipsis when cut. */
    static String fit(String text, int columns) {
        if (displayWidth(text) <= columns) {
            return text;
        }
        StringBuilder cut = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int w = Math.max(0, WCWidth.wcwidth(codePoint));
            if (used + w > columns - 1) {
                break;
            }
            cut.appendCodePoint(codePoint);
            used += w;
            i += Character.charCount(codePoint);
        }
        return cut.append('…').toString();
    }

    static int displayWidth(String text) {
        if (isPlainAscii(text)) {
            return text.length();
        }
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            width += Math.max(0, WCWidth.wcwidth(codePoint));
            i += Character.charCount(codePoint);
        }
        return width;
    }

    /** Printable ASCII only: one column per character, the common case, measured without lookups. */
    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    private static String oneLine(String text) {
        return isPlainAscii(text) ? text : text.replaceAll("\\s+", " ");
    }
}
