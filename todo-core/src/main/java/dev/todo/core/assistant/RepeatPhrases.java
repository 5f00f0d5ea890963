package dev.todo.core.assistant;

import dev.todo.core.Recurrence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a repeat phrase in a message and turns it into a canonical RRULE ({@link Recurrence}): "every Monday",
 * "each weekday", "monthly on the 1st", "every 2 weeks", "every other week", "daily", "yearly". A following
 * "after I finish it" / "after completion" says the next date counts from the completion. Removing the phrase
 * from a message leaves the rest of the request ("add water the plants every Monday" → "add water the plants").
 *
 * <p>Each rule is a named pattern with the rule it means, tried longest match first. A bare "daily" or
 * "weekly" counts only at the end of a clause ("water the plants weekly", not "the weekly report"), and "every
 * day this week" is no repeat (it ends, and a repeating task repeats until stopped).
 */
public final class RepeatPhrases {

    /**
     * A repeat phrase found at {@code start} (inclusive) to {@code end} (exclusive) of the text searched.
     *
     * @param rrule          the canonical RRULE
     * @param fromCompletion true if the next date counts from the completion ("after I finish it")
     */
    public record Match(String rrule, boolean fromCompletion, int start, int end) {
    }

    private static final String DAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|weds|thurs|thur|thu|fri|sat|sun)";
    private static final String DAYS = DAY + "s?(?:\\s*(?:,|and|&|,\\s*and)\\s*" + DAY + "s?)*";
    private static final String NUMBER = "(\\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";
    private static final String ORDINAL = "(\\d{1,2})(?:st|nd|rd|th)?";
    /** A bounded run ("every day this week", "every day until Friday") is no open-ended repeat. */
    private static final String NOT_BOUNDED = "(?!\\s+(?:this|next|until|till|for|in)\\b)";
    /** A bare adverb ("weekly") counts only last in its clause or before more of the repeat. */
    private static final String CLAUSE_END = "(?=\\s*$|\\s*[,.;!?]|\\s+(?:on|at|from|after|starting|beginning|please|pls|thanks|by|due|high|low|urgent)\\b)";
    private static final String EVERY = "\\b(?:every|each)\\s+";
    private static final Pattern FROM_COMPLETION = Pattern.compile("^\\s*,?\\s*(?:(?:counting|counted|starting|measured)\\s+)?"
            + "(?:after|from)\\s+(?:i\\s+(?:finish|complete|do|did|tick off|check off)\\s+it|completion|(?:when\\s+)?(?:it's|it\\s+is|it\\s+was|it\\s+gets)\\s+"
            + "(?:done|completed|finished)|(?:the\\s+)?(?:last\\s+)?(?:time\\s+i\\s+(?:did|do|finish|finished)\\s+it|completion\\s+date)"
            + "|(?:i'm|i\\s+am)\\s+done(?:\\s+with\\s+it)?|finishing(?:\\s+it)?|completing(?:\\s+it)?|i\\s+last\\s+did\\s+it)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern STARTING = Pattern.compile("^\\s*,?\\s*(?:starting|beginning|commencing)(?:\\s+(?:on|from|with))?(?=\\s)",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> WORD_NUMBERS = Map.ofEntries(Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12));

    private record Rule(String name, Pattern pattern, Function<Matcher, String> rrule) {
    }

    private static final List<Rule> RULES = new ArrayList<>();

    private static void rule(String name, String regex, Function<Matcher, String> rrule) {
        RULES.add(new Rule(name, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), rrule));
    }

    static {
        rule("weekdays", "\\b(?:every|each|on)\\s+(?:week\\s?days?|working\\s+days?|work\\s?days?|business\\s+days?)\\b" + NOT_BOUNDED
                + "|\\b(?:on\\s+)?weekdays\\b(?=\\s*$|\\s*[,.;!?]|\\s+(?:at|from|starting|only)\\b)",
                m -> "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
        rule("weekends", "\\b(?:every|each|on)\\s+weekends?\\b" + NOT_BOUNDED, m -> "FREQ=WEEKLY;BYDAY=SA,SU");
        rule("every other weekday", EVERY + "(other|second|2nd|\\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
                + "\\s+(?:weeks?\\s+on\\s+)?(" + DAYS + ")\\b",
                m -> weekly(interval(m.group(1)), m.group(2)));
        rule("every weekday name", EVERY + "(" + DAYS + ")\\b(?:\\s+(?:morning|afternoon|evening|night)s?\\b)?" + NOT_BOUNDED,
                m -> weekly(1, m.group(1)));
        rule("on weekday names", "\\bon\\s+((?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s"
                + "(?:\\s*(?:,|and|&|,\\s*and)\\s*(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s)*)\\b",
                m -> weekly(1, m.group(1)));
        rule("weekly on weekday names", "\\bweekly\\s+on\\s+(" + DAYS + ")\\b", m -> weekly(1, m.group(1)));
        rule("every n units", EVERY + NUMBER + "\\s+(days|weeks|months|years)\\b", m -> every(m.group(2), interval(m.group(1))));
        rule("every other unit", EVERY + "(?:other|second)\\s+(day|week|month|year)\\b", m -> every(m.group(1), 2));
        rule("every unit", EVERY + "(day|week|month|year)\\b" + NOT_BOUNDED, m -> every(m.group(1), 1));
        rule("adverb", "\\b(daily|weekly|monthly|yearly|annually|fortnightly|bi-?weekly|every\\s+fortnight)\\b" + CLAUSE_END,
                m -> adverb(m.group(1)));
        rule("monthly on a day", "\\b(?:monthly|every\\s+month|each\\s+month)\\s+on\\s+the\\s+" + ORDINAL + "\\b(?:\\s+(?:day\\s+)?of\\s+the\\s+month\\b)?",
                m -> monthDay(m.group(1)));
        rule("a day of every month", "\\b(?:on\\s+)?(?:the\\s+)?" + ORDINAL + "\\s+(?:day\\s+)?of\\s+(?:every|each)\\s+month\\b",
                m -> monthDay(m.group(1)));
        rule("every nth", EVERY + "(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)\\b(?:\\s+(?:day\\s+)?of\\s+the\\s+month\\b)?",
                m -> monthDay(m.group(1)));
    }

    private RepeatPhrases() {
    }

    /** The longest repeat phrase in {@code text} (the earliest of equally long ones), with any "after I finish it" after it. */
    public static Optional<Match> find(String text) {
        Rule bestRule = null;
        MatchResult best = null;
        String bestRrule = null;
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                String rrule = rule.rrule().apply(m);
                if (rrule == null) {
                    continue;
                }
                int length = m.end() - m.start();
                if (best == null || length > best.end() - best.start()
                        || (length == best.end() - best.start() && m.start() < best.start())) {
                    bestRule = rule;
                    best = m.toMatchResult();
                    bestRrule = rrule;
                }
            }
        }
        if (bestRule == null) {
            return Optional.empty();
        }
        int end = best.end();
        // "every Wednesday starting next week": the word goes with the repeat, the date stays for the first due date.
        Matcher starting = STARTING.matcher(text.substring(end));
        if (starting.find()) {
            end += starting.end();
        }
        Matcher completion = FROM_COMPLETION.matcher(text.substring(end));
        boolean fromCompletion = completion.find();
        if (fromCompletion) {
            end += completion.end();
        }
        return Optional.of(new Match(Recurrence.parse(bestRrule).rrule(), fromCompletion, best.start(), end));
    }

    private static String weekly(int interval, String days) {
        Set<String> codes = new java.util.LinkedHashSet<>();
        for (String word : days.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (word.isEmpty() || word.equals("and")) {
                continue;
            }
            codes.add(dayCode(word));
        }
        return "FREQ=WEEKLY" + (interval == 1 ? "" : ";INTERVAL=" + interval) + ";BYDAY=" + String.join(",", codes);
    }

    private static String dayCode(String word) {
        return switch (word.substring(0, 2)) {
            case "mo" -> "MO";
            case "tu" -> "TU";
            case "we" -> "WE";
            case "th" -> "TH";
            case "fr" -> "FR";
            case "sa" -> "SA";
            default -> "SU";
        };
    }

    private static int interval(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.equals("other") || w.equals("second") || w.equals("2nd")) {
            return 2;
        }
        return WORD_NUMBERS.containsKey(w) ? WORD_NUMBERS.get(w) : Integer.parseInt(w);
    }

    private static String every(String unit, int interval) {
        if (interval < 1 || interval > Recurrence.MAX_INTERVAL) {
            return null;
        }
        String u = unit.toLowerCase(Locale.ROOT).replaceAll("s$", "");
        String freq = switch (u) {
            case "day" -> "DAILY";
            case "week" -> "WEEKLY";
            case "month" -> "MONTHLY";
            default -> "YEARLY";
        };
        return "FREQ=" + freq + (interval == 1 ? "" : ";INTERVAL=" + interval);
    }

    private static String adverb(String word) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return switch (w) {
            case "daily" -> "FREQ=DAILY";
            case "weekly" -> "FREQ=WEEKLY";
            case "monthly" -> "FREQ=MONTHLY";
            case "yearly", "annually" -> "FREQ=YEARLY";
            default -> "FREQ=WEEKLY;INTERVAL=2"; // fortnightly, biweekly, every fortnight
        };
    }

    private static String monthDay(String day) {
        int d = Integer.parseInt(day);
        return d < 1 || d > 31 ? null : "FREQ=MONTHLY;BYMONTHDAY=" + d;
    }
}
