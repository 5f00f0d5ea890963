package dev.todo.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words the way a shell does: spaces separate words, {@code '…'} keeps
 * text as it is, {@code "…"} keeps text but lets {@code \"} and {@code \\} escape, and a backslash
 * outside quotes escapes the next character. Adjacent parts join ({@code --desc='a b'} is one word).
 */
final class Words {

    /**
     * One word. {@code quoted}: some part of it was in quotes, so it is taken literally as one value.
     * {@code optionLike}: it starts with an unquoted {@code -}, so it may name an option.
     */
    record Word(String text, boolean quoted, boolean optionLike) {
    }

    private Words() {
    }

    static List<Word> split(String line) {
        List<Word> words = new ArrayList<>();
        StringBuilder text = null;
        boolean quoted = false;
        boolean optionLike = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (text != null) {
                    words.add(new Word(text.toString(), quoted, optionLike));
                    text = null;
                }
                i++;
                continue;
            }
            if (text == null) {
                text = new StringBuilder();
                quoted = false;
                optionLike = c == '-';
            }
            if (c == '\'') {
                int close = line.indexOf('\'', i + 1);
                if (close < 0) {
                    throw new UsageException("Missing closing ' quote");
                }
                text.append(line, i + 1, close);
                quoted = true;
                i = close + 1;
            } else if (c == '"') {
                i = appendDoubleQuoted(line, i + 1, text);
                quoted = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                text.append(line.charAt(i + 1));
                i += 2;
            } else {
                text.append(c);
                i++;
            }
        }
        if (text != null) {
            words.add(new Word(text.toString(), quoted, optionLike));
        }
        return words;
    }

    /** Appends the inside of a "…" part starting at {@code from}; returns the index after the closing quote. */
    private static int appendDoubleQuoted(String line, int from, StringBuilder text) {
        int i = from;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                text.append(line.charAt(i + 1));
                i += 2;
            } else {
                text.append(c);
                i++;
            }
        }
        throw new UsageException("Missing closing \" quote");
    }
}
