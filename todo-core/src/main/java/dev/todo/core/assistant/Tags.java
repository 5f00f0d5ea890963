package dev.todo.core.assistant;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tags for a task. Explicit ones ("#work", "tag it work", "tagged work, urgent") are taken as written;
 * others are inferred from the title with a small vocabulary, one rule per tag: "email John" gets
 * {@code email}, "buy groceries" gets {@code errands}, "pay rent" gets {@code finance}, and so on.
 */
public final class Tags {

    /** The tags found and the text with the explicit tag phrases removed. */
    public record Found(List<String> tags, String rest) {
    }

    private record Rule(String tag, Pattern pattern) {
    }

    /** The vocabulary: a tag and the words (regular expression over the lower-case title) that imply it. */
    private static final List<Rule> RULES = List.of(
            rule("email", "e-?mails?|e-?mailed|mail|inbox|reply to|respond to|write back"),
            rule("meeting", "meetings?|meet with|meet up|meetup|call with|standup|stand-up|sync|syncs|1:1|one-on-one"
                    + "|huddle|retro|retrospective|zoom|kickoff|kick-off|interview"),
            rule("work", "projects?|clients?|reports?|meetings?|deadlines?|boss|manager|team|teams|prs?|pull requests?"
                    + "|deploy|deployment|(?<!post )office|presentations?|slides|deck|colleagues?|coworkers?|quarterly|sprint"
                    + "|jira|production|prod|bugs?|release|proposal|contract|stakeholders?|customers?"
                    + "|standup|stand-up|code|backend|frontend|server|invoice for|performance review|okrs?|roadmap"
                    + "|job|hr|onboarding|budget review|conference|interview"),
            rule("code-review", "review (?:\\S+ ){0,2}(?:prs?|pull requests?|code|merge requests?|mrs?|diffs?)"
                    + "|code reviews?|pr reviews?"),
            rule("errands", "buy|bought|groceries|grocery|pick up|pickup|pick-up|drop off|drop-off|store|pharmacy"
                    + "|post office|supermarket|dry clean(?:ing|er|ers)?|return the|hardware store|car wash"
                    + "|get gas|fill up|oil change|mail the|ship the|package|parcel"),
            rule("shopping", "shopping|shop|order|amazon|gifts?|clothes|shoes|new phone"),
            rule("health", "doctor|doctor's|dr|dentist|dentist's|gym|workout|work out|exercise|run|running|jog|jogging"
                    + "|yoga|medicine|meds|medication|pills|vitamins|prescription|therapy|therapist|checkup|check-up"
                    + "|physio|physiotherapy|vaccine|vaccination|flu shot|hospital|clinic|health|dermatologist"
                    + "|optician|eye exam|blood test|swim|swimming|meditate"),
            rule("finance", "pay|paid|bills?|rent|tax|taxes|invoices?|bank|budget|mortgage|insurance|loan"
                    + "|credit card|salary|expenses?|reimbursement|refund|savings|subscription|utilities"),
            rule("family", "mom|mum|mother|dad|father|parents|grandma|grandpa|grandmother|grandfather|sister"
                    + "|brother|kids|son|daughter|wife|husband|family|aunt|uncle|cousin|nephew|niece|in-laws"),
            rule("personal", "birthday|anniversary|friends?|party|wedding|vacation|holiday|hobby|personal"),
            rule("home", "(?<!dry )clean|(?<!dry )cleaning|laundry|dishes|dishwasher|vacuum|hoover|sink|plumber|trash|garbage|bins"
                    + "|recycling|garden|gardening|lawn|mow|plants|cook|cooking|tidy|declutter|fridge"
                    + "|kitchen|bathroom|bedroom|house|apartment|home|landlord|repair|fix the (?:sink|door|tap"
                    + "|faucet|light|roof|fence|shower|toilet|window|heater|boiler)|furniture"));

    private static final Pattern HASHTAG = Pattern.compile("(?<![\\w&])#([\\p{L}][\\p{L}\\p{N}_-]*)");
    private static final Pattern TAG_PHRASE = Pattern.compile(
            "(?:,|\\band)?\\s*\\b(?:and\\s+)?(?:tag(?:ged)?|label(?:led)?)(?:\\s+(?:it|this|that))?(?:\\s+(?:as|with))?"
                    + "\\s*:?\\s+((?:#?[\\p{L}][\\p{L}\\p{N}_-]*)(?:\\s*(?:,|and|&)\\s*#?[\\p{L}][\\p{L}\\p{N}_-]*)*)",
            Pattern.CASE_INSENSITIVE);

    private static Rule rule(String tag, String words) {
        return new Rule(tag, Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + words + ")(?![\\p{L}\\p{N}])"));
    }

    private Tags() {
    }

    /** The tags written out in {@code text} ("#work", "tagged work and home"), and the text without them. */
    public static Found explicit(String text) {
        Set<String> tags = new LinkedHashSet<>();
        Matcher phrase = TAG_PHRASE.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (phrase.find()) {
            for (String tag : phrase.group(1).split("\\s*(?:,|\\band\\b|&)\\s*")) {
                tag = tag.strip().replaceFirst("^#", "").toLowerCase(Locale.ROOT);
                if (!tag.isEmpty()) {
                    tags.add(tag);
                }
            }
            phrase.appendReplacement(rest, " ");
        }
        phrase.appendTail(rest);
        Matcher hash = HASHTAG.matcher(rest.toString());
        StringBuilder rest2 = new StringBuilder();
        while (hash.find()) {
            tags.add(hash.group(1).toLowerCase(Locale.ROOT));
            hash.appendReplacement(rest2, " ");
        }
        hash.appendTail(rest2);
        return new Found(new ArrayList<>(tags), rest2.toString().replaceAll("\\s+", " ").strip());
    }

    /** The tags the vocabulary infers from a task title, in vocabulary order. */
    public static List<String> infer(String title) {
        String lower = title.toLowerCase(Locale.ROOT);
        List<String> tags = new ArrayList<>();
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(lower).find()) {
                tags.add(rule.tag());
            }
        }
        return tags;
    }

    /** The tag vocabulary, for help texts and list filters ("show my work tasks"). */
    public static List<String> vocabulary() {
        return RULES.stream().map(Rule::tag).toList();
    }
}
