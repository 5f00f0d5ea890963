package dev.todo.core.assistant;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a due-date phrase in a message and turns it into a date, relative to today: "tomorrow",
 * "on Friday", "next Monday" (the Monday of next week), "this weekend" (Saturday), "end of week" (Friday),
 * "end of month", "in 3 days", "Dec 5", "5 December", "12/05" (month/day), "2026-12-05" and more.
 * A leading "by", "on", "for", "due", "until" or "before" is part of the phrase, so removing the phrase
 * from a message leaves the task's title.
 */
public final class DatePhrases {

    /** A date phrase found at {@code start} (inclusive) to {@code end} (exclusive) of the text searched. */
    public record Match(LocalDate date, int start, int end) {
    }

    private static final String PREFIX = "(?:\\b(?:due|by|on|for|before|until|till|no later than|sometime|some time)\\s+)?";
    private static final String WEEKDAY = "(monday|mon|tuesday|tues|tue|wednesday|weds|wed|thursday|thurs|thur|thu"
            + "|friday|fri|saturday|sat|sunday|sun)";
    private static final String PART_OF_DAY = "(?:\\s+(?:morning|afternoon|evening|night))?";
    private static final String MONTH = "(january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul"
            + "|august|aug|september|sept|sep|october|oct|november|nov|december|dec)";
    private static final String NUMBER = "(\\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
            + "|twelve|a couple of|a couple|couple of|a few|few)";

    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("a couple of", 2), Map.entry("a couple", 2),
            Map.entry("couple of", 2), Map.entry("a few", 3), Map.entry("few", 3));

    /** The end of a working day, which may stand before or after the day it ends ("EOD tomorrow", "friday COB"). */
    private static final Pattern END_OF_DAY = Pattern.compile("(?:\\b(?:by|before|until|till|due)\\s+)?(?:\\bthe\\s+)?\\b(?:eod|cob|eob"
            + "|end\\s+of\\s+(?:the\\s+)?(?:day|business)|close\\s+of\\s+(?:business|play))\\b(?:\\s+on\\b)?", Pattern.CASE_INSENSITIVE);

    private record Rule(Pattern pattern, BiFunction<Matcher, LocalDate, LocalDate> date) {
    }

    private static final List<Rule> RULES = new ArrayList<>();

    private static void rule(String regex, BiFunction<Matcher, LocalDate, LocalDate> date) {
        RULES.add(new Rule(Pattern.compile(PREFIX + regex, Pattern.CASE_INSENSITIVE), date));
    }

    static {
        rule("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b", (m, t) -> date(Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        rule("\\b(\\d{1,2})/(\\d{1,2})(?:/(\\d{2}|\\d{4}))?\\b", (m, t) -> monthDay(t,
                Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3)));
        rule("\\b(?:" + WEEKDAY + ",?\\s+)?(?:the\\s+)?" + MONTH + "\\.?\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?",
                (m, t) -> monthDay(t, month(m.group(2)), Integer.parseInt(m.group(3)), m.group(4)));
        rule("\\b(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "\\b(?:,?\\s+(\\d{4})\\b)?",
                (m, t) -> monthDay(t, month(m.group(2)), Integer.parseInt(m.group(1)), m.group(3)));
        rule("\\bthe\\s+(\\d{1,2})(?:st|nd|rd|th)\\b", (m, t) -> dayOfMonth(t, Integer.parseInt(m.group(1))));
        rule("\\b(?:(?:later\\s+)?today|tonight|this\\s+(?:morning|afternoon|evening)|(?:the\\s+)?end\\s+of\\s+(?:the\\s+)?day|eod|cob|close\\s+of\\s+business)\\b",
                (m, t) -> t);
        rule("\\b(?:the\\s+)?day\\s+after\\s+tomorrow\\b", (m, t) -> t.plusDays(2));
        rule("\\btomorrow(?:\\s+(?:morning|afternoon|evening|night))?\\b", (m, t) -> t.plusDays(1));
        rule("\\byesterday\\b", (m, t) -> t.minusDays(1));
        rule("\\b(this\\s+coming|this|next|coming)\\s+" + WEEKDAY + "\\b" + PART_OF_DAY, (m, t) -> weekday(t, m.group(1), m.group(2)));
        rule("\\b(monday|tuesday|tues|wednesday|weds|thursday|thurs|friday|fri|saturday|sunday)\\b(?!'s)" + PART_OF_DAY,
                (m, t) -> weekday(t, "", m.group(1)));
        // A short weekday ("sat", "wed") needs a preposition, being a word too: "for sat", "push it to wed".
        rule("\\b(?:on|by|due|until|before|for|to|till|til)\\s+" + WEEKDAY + "\\b(?!'s)", (m, t) -> weekday(t, "", m.group(1)));
        // A short weekday that is no English word, last in its clause: "Interview the candidate Thu", "plan - Fri - high".
        rule("\\b(mon|tue|tues|thu|thur|thurs|fri)\\.?(?=\\s*(?:$|[,;]|\\s-))", (m, t) -> weekday(t, "", m.group(1)));
        // Holidays by name: "christmas eve", "new year's eve", "by christmas"; a bare name needs "by/on/before…".
        rule("(?:\\b(christmas|xmas|new\\s*year'?s?|boxing|valentine'?s|st\\.?\\s+patrick'?s)\\s+(eve|day)\\b"
                + "|\\b(?<=\\b(?:by|on|before|until|till)\\s)(christmas|xmas|new\\s*year'?s?|halloween|thanksgiving)\\b"
                + "|\\b(nye)\\b)", (m, t) -> holiday(t, m));
        rule("\\b(?:(?:this|the)\\s+)?weekend\\b|\\bover\\s+the\\s+weekend\\b", (m, t) -> thisWeekend(t));
        rule("\\bnext\\s+weekend\\b", (m, t) -> nextWeek(t).plusDays(5));
        rule("\\b(?:early\\s+)?next\\s+week\\b|\\b(?:the\\s+)?(?:beginning|start)\\s+of\\s+next\\s+week\\b",
                (m, t) -> nextWeek(t));
        rule("\\b(?:(?:the\\s+)?end\\s+of\\s+(?:the\\s+|this\\s+)?week|eow|later\\s+this\\s+week|this\\s+week)\\b",
                (m, t) -> endOfWeek(t));
        rule("\\b(?:the\\s+)?end\\s+of\\s+next\\s+week\\b", (m, t) -> nextWeek(t).plusDays(4));
        rule("\\b(?:(?:the\\s+)?end\\s+of\\s+(?:the\\s+|this\\s+)?month|eom|month\\s+end)\\b",
                (m, t) -> t.with(TemporalAdjusters.lastDayOfMonth()));
        rule("\\b(?:the\\s+)?end\\s+of\\s+next\\s+month\\b",
                (m, t) -> t.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth()));
        rule("\\b(?:(?:the\\s+)?(?:beginning|start)\\s+of\\s+)?next\\s+month\\b",
                (m, t) -> t.plusMonths(1).withDayOfMonth(1));
        rule("\\bin\\s+" + NUMBER + "\\s+(day|days|week|weeks|month|months)\\b",
                (m, t) -> plus(t, m.group(1), m.group(2)));
        rule("\\bin\\s+a\\s+fortnight\\b", (m, t) -> t.plusDays(14));
        rule("\\b" + NUMBER + "\\s+(day|days|week|weeks|month|months)\\s+from\\s+(?:now|today)\\b",
                (m, t) -> plus(t, m.group(1), m.group(2)));
    }

    private DatePhrases() {
    }

    /**
     * The longest date phrase in {@code text} (the earliest of equally long ones), if any. Typos should be
     * fixed first ({@link Words#clean(String)}); positions refer to {@code text} as given.
     */
    public static Optional<Match> find(String text, LocalDate today) {
        Optional<Match> best = longest(text, today);
        // "by EOD tomorrow", "friday COB": the end of a named day is that day, and both words are the phrase.
        Matcher eod = END_OF_DAY.matcher(text);
        while (eod.find()) {
            String masked = text.substring(0, eod.start()) + " ".repeat(eod.end() - eod.start()) + text.substring(eod.end());
            Optional<Match> day = longest(masked, today);
            if (day.isPresent()) {
                Match d = day.get();
                boolean after = d.start() >= eod.end() && text.substring(eod.end(), d.start()).isBlank();
                boolean before = d.end() <= eod.start() && text.substring(d.end(), eod.start()).matches("[\\s,]*(?:at\\s+)?");
                if (after || before) {
                    return Optional.of(new Match(d.date(), Math.min(d.start(), eod.start()), Math.max(d.end(), eod.end())));
                }
            }
        }
        return best;
    }

    private static Optional<Match> longest(String text, LocalDate today) {
        Match best = null;
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                LocalDate date = rule.date().apply(m, today);
                if (date == null) {
                    continue;
                }
                int length = m.end() - m.start();
                if (best == null || length > best.end() - best.start()
                        || (length == best.end() - best.start() && m.start() < best.start())) {
                    best = new Match(date, m.start(), m.end());
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The last date phrase in {@code text} ("move everything due today to <b>tomorrow</b>"), if any. */
    public static Optional<Match> last(String text, LocalDate today) {
        Match last = null;
        int from = 0;
        while (from < text.length()) {
            Optional<Match> next = find(text.substring(from), today);
            if (next.isEmpty()) {
                break;
            }
            Match m = next.get();
            last = new Match(m.date(), from + m.start(), from + m.end());
            from = last.end();
        }
        return Optional.ofNullable(last);
    }

    /** The date meant by {@code phrase} when the whole phrase (typos allowed) is a date, like "tomorow". */
    public static Optional<LocalDate> parse(String phrase, LocalDate today) {
        String text = Words.clean(phrase).replaceAll("[.!?,]+$", "").strip();
        return find(text, today).filter(m -> m.start() == 0 && m.end() == text.length()).map(Match::date);
    }

    /** {@code date} in words relative to today: "today", "tomorrow", "yesterday" or "Friday, Nov 27". */
    public static String describe(LocalDate date, LocalDate today) {
        if (date.equals(today)) {
            return "today";
        }
        if (date.equals(today.plusDays(1))) {
            return "tomorrow";
        }
        if (date.equals(today.minusDays(1))) {
            return "yesterday";
        }
        String text = date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ", "
                + date.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + date.getDayOfMonth();
        return date.getYear() == today.getYear() ? text : text + ", " + date.getYear();
    }

    /** "due today", "due tomorrow" or "due on Friday, Nov 27". */
    public static String due(LocalDate date, LocalDate today) {
        String words = describe(date, today);
        return words.contains(",") ? "due on " + words : "due " + words;
    }

    /** The Monday of next week. */
    static LocalDate nextWeek(LocalDate today) {
        return today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    /** The Friday of this week; on a Saturday or Sunday, the coming Friday. */
    static LocalDate endOfWeek(LocalDate today) {
        return today.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
    }

    /** The coming Saturday; on a Saturday or Sunday, today. */
    static LocalDate thisWeekend(LocalDate today) {
        DayOfWeek day = today.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? today
                : today.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
    }

    /** The next holiday named by {@code m} (on or after today): Christmas (Eve), New Year's (Eve), Halloween, Thanksgiving… */
    private static LocalDate holiday(LocalDate today, Matcher m) {
        String name = (m.group(1) != null ? m.group(1) + " " + m.group(2) : m.group(3) != null ? m.group(3) : m.group(4))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", "").replaceAll("\\s+", " ");
        for (int year = today.getYear(); year <= today.getYear() + 1; year++) {
            LocalDate date;
            if (name.startsWith("christmas eve") || name.startsWith("xmas eve")) {
                date = LocalDate.of(year, 12, 24);
            } else if (name.startsWith("christmas") || name.startsWith("xmas")) {
                date = LocalDate.of(year, 12, 25);
            } else if (name.startsWith("boxing")) {
                date = LocalDate.of(year, 12, 26);
            } else if (name.endsWith(" eve") || name.equals("nye")) {
                date = LocalDate.of(year, 12, 31);
            } else if (name.startsWith("new")) {
                date = LocalDate.of(year, 1, 1);
            } else if (name.startsWith("valentine")) {
                date = LocalDate.of(year, 2, 14);
            } else if (name.startsWith("st")) {
                date = LocalDate.of(year, 3, 17);
            } else if (name.startsWith("halloween")) {
                date = LocalDate.of(year, 10, 31);
            } else {
                // Thanksgiving (US): the fourth Thursday of November
                date = LocalDate.of(year, 11, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
            }
            if (!date.isBefore(today)) {
                return date;
            }
        }
        return null;
    }

    private static LocalDate weekday(LocalDate today, String modifier, String name) {
        DayOfWeek day = dayOfWeek(name);
        String mod = modifier.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (mod.equals("next")) {
            return nextWeek(today).with(TemporalAdjusters.nextOrSame(day));
        }
        if (mod.equals("this") || mod.equals("this coming") || mod.equals("coming")) {
            return mod.equals("this") ? today.with(TemporalAdjusters.nextOrSame(day))
                    : today.with(TemporalAdjusters.next(day));
        }
        return today.with(TemporalAdjusters.next(day));
    }

    private static DayOfWeek dayOfWeek(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().toLowerCase(Locale.ROOT).startsWith(n.substring(0, 2))) {
                return day;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static int month(String name) {
        String n = name.toLowerCase(Locale.ROOT).substring(0, 3);
        return List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
                .indexOf(n) + 1;
    }

    private static LocalDate monthDay(LocalDate today, int month, int day, String year) {
        if (year != null) {
            int y = Integer.parseInt(year);
            return date(y < 100 ? 2000 + y : y, month, day);
        }
        LocalDate date = date(today.getYear(), month, day);
        if (date != null && date.isBefore(today)) {
            date = date(today.getYear() + 1, month, day);
        }
        return date;
    }

    private static LocalDate dayOfMonth(LocalDate today, int day) {
        for (int i = 0; i < 12; i++) {
            LocalDate month = today.plusMonths(i);
            LocalDate date = date(month.getYear(), month.getMonthValue(), day);
            if (date != null && !date.isBefore(today)) {
                return date;
            }
        }
        return null;
    }

    private static LocalDate date(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        LocalDate first = LocalDate.of(year, month, 1);
        return day > first.lengthOfMonth() ? null : first.withDayOfMonth(day);
    }

    private static LocalDate plus(LocalDate today, String amount, String unit) {
        String a = amount.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        int n = NUMBERS.containsKey(a) ? NUMBERS.get(a) : Integer.parseInt(a);
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.startsWith("day")) {
            return today.plusDays(n);
        }
        return u.startsWith("week") ? today.plusWeeks(n) : today.plusMonths(n);
    }
}
