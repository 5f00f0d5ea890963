package dev.todo.core.assistant;

import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a time of day ("at 5pm", "at 17:30", "5:30 pm", "at noon") and a reminder ("remind me 30 minutes
 * before", "with a reminder an hour before") in a message. A bare hour ("at 10") is no time: it may be a room
 * or a house number, and it is not clear whether it is morning or evening.
 */
public final class TimePhrases {

    /** A reminder phrase found at {@code start} (inclusive) to {@code end} (exclusive), {@code minutes} before the due moment. */
    public record Reminder(int minutes, int start, int end) {
    }

    private static final Pattern TIME = Pattern.compile("(?:\\bat\\s+|@\\s*)?\\b(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)(?=\\W|$)"
            + "|(?:\\bat\\s+|@\\s*)(\\d{1,2}):(\\d{2})\\b|\\b(?:at\\s+)(noon|midday|midnight)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern REMINDER = Pattern.compile("(?:[,;]\\s*|\\s+(?:and|,)\\s+)?\\b(?:(?:and\\s+)?remind\\s+me|(?:with\\s+|and\\s+)?(?:a\\s+)?reminder|(?:and\\s+)?ping\\s+me|(?:and\\s+)?notify\\s+me|(?:and\\s+)?alert\\s+me)"
            + "\\s+(\\d{1,4}|an?|one|two|three|four|five|ten|fifteen|twenty|thirty|forty-five|half\\s+an)\\s+"
            + "(minutes?|mins?|hours?|hrs?|days?)\\s+(?:before(?:hand)?|ahead|early|earlier|in\\s+advance)(?:\\s+(?:it(?:'s|\\s+is)\\s+due|it|that))?\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("ten", 10), Map.entry("fifteen", 15), Map.entry("twenty", 20), Map.entry("thirty", 30),
            Map.entry("forty-five", 45));

    private TimePhrases() {
    }

    /** The first time of day in {@code text}, if any. */
    public static Optional<LocalTime> time(String text) {
        Matcher m = TIME.matcher(text);
        while (m.find()) {
            LocalTime time = m.group(1) != null ? clock(m.group(1), m.group(2), m.group(3))
                    : m.group(4) != null ? clock(m.group(4), m.group(5), null) : named(m.group(6));
            if (time != null) {
                return Optional.of(time);
            }
        }
        return Optional.empty();
    }

    /** The first reminder phrase in {@code text} ("remind me 30 minutes before": 30), if any. */
    public static Optional<Reminder> reminder(String text) {
        Matcher m = REMINDER.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String amount = m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        double n = amount.equals("half an") ? 0.5 : NUMBERS.containsKey(amount) ? NUMBERS.get(amount) : Integer.parseInt(amount);
        int minutes = (int) Math.round(unit.startsWith("d") ? n * 24 * 60 : unit.startsWith("h") ? n * 60 : n);
        return Optional.of(new Reminder(minutes, m.start(), m.end()));
    }

    private static LocalTime clock(String hourText, String minuteText, String meridiem) {
        int hour = Integer.parseInt(hourText);
        int minute = minuteText == null ? 0 : Integer.parseInt(minuteText);
        if (minute > 59) {
            return null;
        }
        if (meridiem != null) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            boolean pm = meridiem.toLowerCase(Locale.ROOT).startsWith("p");
            hour = hour % 12 + (pm ? 12 : 0);
        } else if (hour > 23) {
            return null;
        }
        return LocalTime.of(hour, minute);
    }

    private static LocalTime named(String name) {
        return name.equalsIgnoreCase("midnight") ? LocalTime.MIDNIGHT : LocalTime.NOON;
    }
}
