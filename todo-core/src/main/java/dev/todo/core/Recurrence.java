package dev.todo.core;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a task repeats: the subset of RFC 5545 RRULEs the app understands, as an immutable value.
 *
 * <p>{@code FREQ=DAILY|WEEKLY|MONTHLY|YEARLY}, optionally {@code INTERVAL=n} (1 to 365),
 * {@code BYDAY=MO,TU,…} with {@code WEEKLY} only, or {@code BYMONTHDAY=d} (one day, 1 to 31) with
 * {@code MONTHLY} only; a day past the end of a short month means that month's last day. A repeating task
 * repeats until it is stopped, so {@code COUNT} and {@code UNTIL} are refused, as is every other part.
 *
 * <p>{@link #rrule()} is the canonical text every stored task carries: FREQ first, then INTERVAL (left out
 * when 1), then BYDAY (in MO..SU order, no repeats) or BYMONTHDAY, upper case, {@code ;}-separated.
 */
public final class Recurrence {

    /** How often the rule repeats, before its interval. */
    public enum Frequency {
        DAILY, WEEKLY, MONTHLY, YEARLY
    }

    public static final int MAX_INTERVAL = 365;

    private static final String EXAMPLE = "Repeat must be an RRULE such as FREQ=WEEKLY;BYDAY=MO";
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    /** RFC 5545 parts outside the subset, and why each is refused. */
    private static final Map<String, String> UNSUPPORTED = Map.of(
            "COUNT", "COUNT is not supported: a repeating task repeats until you stop it",
            "UNTIL", "UNTIL is not supported: a repeating task repeats until you stop it",
            "BYSETPOS", "BYSETPOS is not supported (use BYDAY with FREQ=WEEKLY or BYMONTHDAY with FREQ=MONTHLY)",
            "BYMONTH", "BYMONTH is not supported (use FREQ=YEARLY from the task's due date)",
            "BYYEARDAY", "BYYEARDAY is not supported (use FREQ=YEARLY from the task's due date)",
            "BYWEEKNO", "BYWEEKNO is not supported (use FREQ=WEEKLY with INTERVAL)",
            "BYHOUR", "BYHOUR is not supported: a task repeats by day (set its due time instead)",
            "BYMINUTE", "BYMINUTE is not supported: a task repeats by day (set its due time instead)",
            "BYSECOND", "BYSECOND is not supported: a task repeats by day (set its due time instead)",
            "WKST", "WKST is not supported: weeks start on Monday");

    private final Frequency frequency;
    private final int interval;
    /** Listed weekdays in MO..SU order; empty unless WEEKLY with BYDAY. */
    private final List<DayOfWeek> days;
    /** 1..31, or 0 without BYMONTHDAY. */
    private final int monthDay;

    private Recurrence(Frequency frequency, int interval, List<DayOfWeek> days, int monthDay) {
        this.frequency = frequency;
        this.interval = interval;
        this.days = List.copyOf(days);
        this.monthDay = monthDay;
    }

    /**
     * Reads a rule such as {@code "FREQ=WEEKLY;BYDAY=MO,WE"}: case does not matter, spaces are ignored, and a
     * leading {@code RRULE:} is allowed.
     *
     * @throws InvalidTaskException (field {@code recurrence}) with a message fit to show the user when the text
     *                              is not a rule of the subset
     */
    public static Recurrence parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid(EXAMPLE);
        }
        String rule = text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (rule.startsWith("RRULE:")) {
            rule = rule.substring("RRULE:".length());
        }
        String freq = null;
        String intervalText = null;
        String byDay = null;
        String byMonthDay = null;
        Set<String> seen = new HashSet<>();
        for (String part : rule.split(";")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw invalid(EXAMPLE);
            }
            String key = part.substring(0, eq);
            String value = part.substring(eq + 1);
            if (UNSUPPORTED.containsKey(key)) {
                throw invalid(UNSUPPORTED.get(key));
            }
            if (!seen.add(key)) {
                throw invalid(key + " appears more than once in the repeat rule");
            }
            switch (key) {
                case "FREQ" -> freq = value;
                case "INTERVAL" -> intervalText = value;
                case "BYDAY" -> byDay = value;
                case "BYMONTHDAY" -> byMonthDay = value;
                default -> throw invalid("Unknown part " + key + " in the repeat rule (use FREQ, INTERVAL, BYDAY or BYMONTHDAY)");
            }
        }
        if (freq == null) {
            throw invalid(EXAMPLE);
        }
        Frequency frequency = frequency(freq);
        int interval = intervalText == null ? 1 : interval(intervalText);
        List<DayOfWeek> days = List.of();
        if (byDay != null) {
            if (frequency != Frequency.WEEKLY) {
                throw invalid("BYDAY works only with FREQ=WEEKLY");
            }
            days = days(byDay);
        }
        int monthDay = 0;
        if (byMonthDay != null) {
            if (frequency != Frequency.MONTHLY) {
                throw invalid("BYMONTHDAY works only with FREQ=MONTHLY");
            }
            monthDay = monthDay(byMonthDay);
        }
        return new Recurrence(frequency, interval, days, monthDay);
    }

    private static Frequency frequency(String value) {
        for (Frequency f : Frequency.values()) {
            if (f.name().equals(value)) {
                return f;
            }
        }
        if (value.matches("HOURLY|MINUTELY|SECONDLY")) {
            throw invalid("FREQ=" + value + " is not supported: a task repeats DAILY, WEEKLY, MONTHLY or YEARLY");
        }
        throw invalid("Unknown FREQ " + (value.isEmpty() ? "(empty)" : value) + " (use DAILY, WEEKLY, MONTHLY or YEARLY)");
    }

    private static int interval(String value) {
        if (!value.matches("\\d{1,3}")) {
            throw invalid("INTERVAL must be a whole number from 1 to " + MAX_INTERVAL);
        }
        int n = Integer.parseInt(value);
        if (n < 1 || n > MAX_INTERVAL) {
            throw invalid("INTERVAL must be a whole number from 1 to " + MAX_INTERVAL);
        }
        return n;
    }

    private static List<DayOfWeek> days(String value) {
        if (value.isEmpty()) {
            throw invalid("BYDAY needs at least one day (MO,TU,WE,TH,FR,SA,SU)");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String code : value.split(",", -1)) {
            DayOfWeek day = day(code);
            if (day == null) {
                throw invalid("Unknown day " + (code.isEmpty() ? "(empty)" : code) + " in BYDAY (use MO,TU,WE,TH,FR,SA,SU)");
            }
            days.add(day);
        }
        return new ArrayList<>(days);
    }

    private static DayOfWeek day(String code) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (code(day).equals(code)) {
                return day;
            }
        }
        return null;
    }

    private static String code(DayOfWeek day) {
        return day.name().substring(0, 2);
    }

    private static int monthDay(String value) {
        if (!value.matches("\\d{1,2}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > 31) {
            throw invalid("BYMONTHDAY must be one day of the month from 1 to 31");
        }
        return Integer.parseInt(value);
    }

    private static InvalidTaskException invalid(String message) {
        return new InvalidTaskException("recurrence", message);
    }

    public Frequency frequency() {
        return frequency;
    }

    public int interval() {
        return interval;
    }

    /** The BYDAY weekdays in Monday-to-Sunday order; empty when the rule has none. */
    public List<DayOfWeek> days() {
        return days;
    }

    /** The canonical RRULE, e.g. {@code FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE}. */
    public String rrule() {
        StringBuilder text = new StringBuilder("FREQ=").append(frequency.name());
        if (interval != 1) {
            text.append(";INTERVAL=").append(interval);
        }
        if (!days.isEmpty()) {
            text.append(";BYDAY=").append(String.join(",", days.stream().map(Recurrence::code).toList()));
        }
        if (monthDay != 0) {
            text.append(";BYMONTHDAY=").append(monthDay);
        }
        return text.toString();
    }

    /**
     * The first date of the rule strictly after {@code after}, for a series that runs through {@code after}
     * itself. Without BYDAY or BYMONTHDAY that is {@code after} plus the interval (a month or year later falls on
     * the last day of a shorter month: Jan 31 gives Feb 28 or 29, Feb 29 gives Feb 28 in a common year).
     * Weekly with BYDAY: the next listed weekday later in the same Monday-to-Sunday week, else the first listed
     * weekday {@code interval} weeks on. Monthly with BYMONTHDAY: that day later in the same month if still
     * ahead, else that day {@code interval} months on, the month's last day if the month is shorter.
     */
    public LocalDate next(LocalDate after) {
        if (after == null) {
            throw new IllegalArgumentException("next() needs a date");
        }
        return switch (frequency) {
            case DAILY -> after.plusDays(interval);
            case WEEKLY -> days.isEmpty() ? after.plusWeeks(interval) : nextListedDay(after);
            case MONTHLY -> monthDay == 0 ? after.plusMonths(interval) : nextMonthDay(after);
            case YEARLY -> after.plusYears(interval);
        };
    }

    private LocalDate nextListedDay(LocalDate after) {
        for (DayOfWeek day : days) {
            if (day.compareTo(after.getDayOfWeek()) > 0) {
                return after.with(TemporalAdjusters.next(day));
            }
        }
        LocalDate monday = after.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(interval);
        return monday.with(TemporalAdjusters.nextOrSame(days.get(0)));
    }

    private LocalDate nextMonthDay(LocalDate after) {
        LocalDate sameMonth = onMonthDay(after);
        return sameMonth.isAfter(after) ? sameMonth : onMonthDay(after.withDayOfMonth(1).plusMonths(interval));
    }

    /** The rule's BYMONTHDAY in {@code month}'s month, or that month's last day if it is shorter. */
    private LocalDate onMonthDay(LocalDate month) {
        return month.withDayOfMonth(Math.min(monthDay, month.lengthOfMonth()));
    }

    /**
     * The first date of the rule on or after {@code day}, for starting a series without a given first date:
     * "every Monday" starts on {@code day} if it is a Monday, else the coming Monday; "monthly on the 1st" on the
     * next 1st; a rule without BYDAY or BYMONTHDAY starts on {@code day} itself.
     */
    public LocalDate firstOnOrAfter(LocalDate day) {
        if (!days.isEmpty()) {
            for (int i = 0; i < 7; i++) {
                if (days.contains(day.plusDays(i).getDayOfWeek())) {
                    return day.plusDays(i);
                }
            }
        }
        if (monthDay != 0) {
            LocalDate sameMonth = onMonthDay(day);
            return sameMonth.isBefore(day) ? onMonthDay(day.withDayOfMonth(1).plusMonths(1)) : sameMonth;
        }
        return day;
    }

    /**
     * The due date of the occurrence that follows a repeating task completed on {@code completedOn} (a day in
     * the owner's time zone). {@link RecurFrom#DUE} keeps a fixed schedule: {@code next(due)}, so when an overdue
     * task is completed its next occurrence may be overdue too (one occurrence per completion; none is skipped).
     * {@link RecurFrom#COMPLETION} counts from the completion: {@code next(completedOn)}.
     */
    public LocalDate nextDue(LocalDate due, LocalDate completedOn, RecurFrom from) {
        return from == RecurFrom.COMPLETION ? next(completedOn) : next(due);
    }

    /** The rule for people: "Every day", "Every weekday", "Every 2 weeks on Monday and Friday", "Every month on the 1st". */
    public String describe() {
        String unit = switch (frequency) {
            case DAILY -> "day";
            case WEEKLY -> "week";
            case MONTHLY -> "month";
            case YEARLY -> "year";
        };
        if (interval == 1 && Set.copyOf(days).equals(WEEKDAYS)) {
            return "Every weekday";
        }
        String text = interval == 1 ? "Every " + unit : "Every " + interval + " " + unit + "s";
        if (!days.isEmpty()) {
            List<String> names = days.stream().map(d -> d.getDisplayName(TextStyle.FULL, Locale.ENGLISH)).toList();
            text += " on " + (names.size() == 1 ? names.get(0)
                    : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1));
        }
        if (monthDay != 0) {
            text += " on the " + ordinal(monthDay) + (monthDay > 28 ? " (or the last day)" : "");
        }
        return text;
    }

    /** {@link #describe()}, with " after completion" when the next date counts from the completion. */
    public String describe(RecurFrom from) {
        return from == RecurFrom.COMPLETION ? describe() + " after completion" : describe();
    }

    private static String ordinal(int n) {
        String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Recurrence r && r.rrule().equals(rrule());
    }

    @Override
    public int hashCode() {
        return rrule().hashCode();
    }

    /** The canonical RRULE. */
    @Override
    public String toString() {
        return rrule();
    }
}
