package dev.todo.core.assistant;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds how urgent a message says a task is: "urgent", "asap", "important", "!!" mean high; "no rush",
 * "someday", "when I get a chance" mean low; "medium priority" or "normal priority" mean medium.
 * Nothing said means no priority (the task keeps the default).
 */
public final class Priorities {

    /** The priority found ({@code null} if none) and the text with the phrases that said it removed. */
    public record Found(String priority, String rest) {
    }

    private record Cue(String priority, Pattern pattern) {
    }

    private static final String P = "(?:priority|prio|pri)";

    /** Checked in order; the first cue found decides, every cue found is removed. */
    private static final List<Cue> CUES = List.of(
            cue("low", "\\b(?:not|isn't|is not|non|less|not that|not very|not so)[ -]?(?:urgent|important|critical|pressing)\\b"),
            cue("low", "\\b(?:low|lowest|lower)[ -]?" + P + "\\b|\\b" + P + "\\s*[:=]?\\s*(?:low|3)\\b|\\bp3\\b"),
            cue("low", ",\\s*low\\s*(?=,|$)"),
            cue("medium", ",\\s*(?:medium|normal)\\s*(?=,|$)|\\b(?:medium|normal|mid|regular|moderate|average)[ -]?" + P + "\\b|\\b" + P
                    + "\\s*[:=]?\\s*(?:medium|normal|2)\\b|\\bp2\\b"),
            // "it's critical that I back up the laptop", "its kinda urgent": the whole frame says high.
            cue("high", "\\b(?:it's|its|it is)\\s+(?:really\\s+|very\\s+|super\\s+|quite\\s+|pretty\\s+|kind of\\s+|sort of\\s+)?"
                    + "(?:critical|important|urgent|crucial|vital)\\s+(?:that\\s+)?(?:(?:i|we)\\s+)?(?:to\\s+)?"
                    + "|\\b(?:kind of|sort of|pretty|quite|fairly|a bit|a little)\\s+(?:urgent|important)\\b"),
            cue("high", "\\b(?:high|highest|top|max|higher)[ -]?" + P + "\\b|\\b" + P + "\\s*[:=]?\\s*(?:high|1)\\b"
                    + "|\\bp1\\b|\\b(?:super |very |really |extremely )?(?:urgent|urgently)\\b|\\basap\\b"
                    + "|\\bas soon as possible\\b|\\b(?:very |really |super )?important\\b|\\bcritical\\b"
                    + "|\\bemergency\\b|\\bimmediately\\b|\\bright away\\b|\\btime[ -]sensitive\\b"
                    + "|!{2,}|\\bcrucial\\b|\\bvital\\b|\\bpressing\\b|,\\s*high\\s*(?=,|$)"),
            cue("low", "\\bwhen(?:ever)? (?:i|you|u) (?:get|have|find) (?:a |the |some )?(?:chance|time|minute|moment|sec)\\b"
                    + "|\\bwhen(?:ever)? (?:i'm|i am|you're|you are) free\\b|\\bwhenever (?:you|u) can\\b|\\bif i have time\\b|\\bsome ?day\\b|\\bno rush\\b"
                    + "|\\bno hurry\\b|\\bnot a priority\\b|\\beventually\\b|\\bwhenever\\b|\\bat some point\\b"
                    + "|\\bno big deal\\b|\\bwhen convenient\\b|\\bin no hurry\\b|\\blow[ -]key\\b"));

    private static Cue cue(String priority, String regex) {
        return new Cue(priority, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
    }

    private Priorities() {
    }

    /** The priority {@code text} asks for, and {@code text} without the words that asked for it. */
    public static Found find(String text) {
        String priority = null;
        String rest = text;
        for (Cue cue : CUES) {
            Matcher m = cue.pattern().matcher(rest);
            if (m.find()) {
                if (priority == null) {
                    priority = cue.priority();
                }
                rest = m.replaceAll(" ");
            }
        }
        return new Found(priority, rest.replaceAll("\\s+", " ").strip());
    }

    /** The priority named by a single word or phrase like "high", "urgent", "low priority"; {@code null} if none. */
    public static String named(String text) {
        return find(text).priority();
    }
}
