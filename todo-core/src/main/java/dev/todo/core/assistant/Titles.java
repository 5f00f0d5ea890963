package dev.todo.core.assistant;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what is left of a request, once dates, priorities and tags are taken out, into a task title:
 * filler such as "remind me to", "I need to", "can you add", "please" and a trailing "thanks" is dropped,
 * as are the articles (the, a, an) and "my", and the first letter is capitalised. "remind me to email John
 * about the project meeting" becomes "Email John about project meeting", "book a physio session" becomes
 * "Book physio session".
 */
public final class Titles {

    private static final Pattern QUOTED = Pattern.compile("(?:^|(?<=[\\s:(]))(['\"])(.+?)\\1(?=$|[\\s,.!?:;)])");

    private static final Pattern LEADING = Pattern.compile("^(?:"
            + "add (?:this |these )?(?:to|on|onto) (?:my|the) (?:todo |to-do |to do |task |)(?:list|tasks|todos)|hey|hi|hello|ok|okay|so|um|uh|oh|alright|right|well|yo|assistant|please|pls|kindly|quick(?:ly)?|just"
            + "|(?:could|can|would|will) (?:you|u)(?: please)?(?: (?:just|quickly))?"
            + "|i(?:'d| would) like (?:you )?to|i want (?:you )?to|i wanna|let's|lets"
            + "|(?:please )?(?:set (?:up )?)?(?:a )?reminder(?: (?:for|to) (?:me|myself|self))?(?: to)?:?|remind me(?: to| 2| that i need to| that i have to| that| about)?"
            + "|(?:add|create)(?: (?:a|an|the|new|one more|another|this|my))*(?: (?:task|todo|to-do|to do|item|reminder|entry))?"
            + "(?: for me)?(?: (?:to|for|that says|called|named|saying))?:?"
            + "|(?:make|put|new|save|log|jot down|write down|note down|set up|set|schedule)(?: (?:a|an|new|one more|another))*"
            + " (?:task|todo|to-do|to do|item|reminder|entry|note)(?: for me)?(?: (?:to|for|that says|called|named|saying))?:?"
            + "|put(?=.*\\b(?:on|in|to) (?:my|the) (?:list|to-?do list|todos?|tasks)\\b)"
            + "|(?:jot|write|note|put) down|note(?! to self)|for me|really|definitely|probably|seriously|actually|also|(?:don't|dont|do not) forget(?: about)?|remember(?: about)?"
            + "|(?:new )?(?:task|todo|to-do|to do|reminder|note to self)s?(?: (?:to|for) (?:myself|self|me))?:?(?: to)?"
            + "|i(?:'ve| have)? got|(?:at|around|by) \\d{1,2}(?::\\d{2})?\\s*(?:am|pm)?(?: to)?"
            + "|i(?:'ll| will)(?: need to| have to)?|i'm going to|i am going to|i'm gonna|gonna"
            + "|i (?:(?:really|definitely|still|also|just|probably) )?(?:need|have|want|ought|got|must) to|i've got to|i gotta|i must|i should|we need to|we have to"
            + "|(?:it'd|it would) be (?:great|nice|awesome|good) if you (?:could|can)|would you mind|do you mind"
            + "|i was wondering if you could|(?:i )?(?:need|have|got) 2"
            + "|need to|have to|got to|must|should|don't forget to|dont forget to|do not forget to|don't let me forget to"
            + "|remember to|make sure (?:i|to)|i'm supposed to|i am supposed to|i still need to|still need to"
            + "|there's|there is|i have|and|also|then|to|an?)\\b[\\s,:;.!-]*", Pattern.CASE_INSENSITIVE);

    private static final Pattern TRAILING = Pattern.compile("[\\s,;:.!?-]*\\b(?:"
            + "please|pls|thanks|thank you|thank u|thx|ty|cheers|for me|ok|okay|if you can|if possible|thanks a lot"
            + "|to (?:my|the) (?:todo |to-do |to do |task |tasks |)(?:list|tasks|todos)|on (?:my|the) (?:todo |to-do |)list"
            + "|to my todos|as a task|as a todo|and|with|by|for|due|at|make it|and make it|mark it(?: as)?|set it(?: to| as)?"
            + "|it's|its|it is|this is|that's|that is|it|as|to be|priority|the|a|an|also|then|due date|deadline|is|this|that|so|too)[\\s,;:.!?-]*$",
            Pattern.CASE_INSENSITIVE);

    /**
     * The articles and "my", which a title leaves out ("Book a physio session for my back" → "Book physio
     * session for back"), except in set phrases where "a" is a quantity ("a lot of", "a few", "a couple").
     */
    private static final Pattern ARTICLES = Pattern.compile(
            "(?<![\\p{L}\\p{N}'-])(?:the|my|an|a(?!\\s+(?:lot|few|bit|couple|little|while|dozen|half|third|quarter)\\b))\\s+(?=[\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE);

    private Titles() {
    }

    /** The text between quotes in {@code text} ('Review quarterly report'), if the user quoted a title. */
    public static String quoted(String text) {
        Matcher m = QUOTED.matcher(text);
        while (m.find()) {
            String inside = m.group(2).strip();
            if (inside.length() >= 2) {
                return inside;
            }
        }
        return null;
    }

    /** A title made from {@code rest}: filler removed, "the" dropped, first letter capitalised; "" if nothing is left. */
    public static String clean(String rest) {
        String t = rest.replaceAll("\\s+", " ").strip();
        t = t.replaceAll("^[\\s,;:.!?-]+", "");
        String before;
        do {
            before = t;
            t = LEADING.matcher(t).replaceFirst("");
            t = TRAILING.matcher(t).replaceFirst("");
        } while (!t.equals(before));
        t = ARTICLES.matcher(t).replaceAll("");
        t = t.replaceAll("\\s+([,.!?;:])", "$1").replaceAll("\\s+", " ").replaceAll("^[\\s,;:.!?-]+|[\\s,;:!?-]+$", "")
                .replaceAll("(?<![A-Z]\\.[A-Z]?)\\.$", "").strip();
        if (t.length() > 200) {
            t = t.substring(0, 200).strip();
        }
        return Words.capitalise(t);
    }

    /** True if {@code title} has at least one word that is not filler. */
    public static boolean meaningful(String title) {
        List<String> tokens = Words.tokens(title);
        return tokens.stream().anyMatch(w -> !Matching.STOP_WORDS.contains(w));
    }
}
