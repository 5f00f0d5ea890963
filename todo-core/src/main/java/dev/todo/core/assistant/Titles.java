package dev.todo.core.assistant;

import java.util.List;
import java.util.Locale;
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
            // "I must not forget to…", "I mustn't forget to…", "I must remember to…": the task follows (before "i must").
            + "(?:i |we )?(?:must(?:n't| not)?|should(?:n't| not)?|(?:need|have|want|ought) to|(?:really )?(?:can't|cannot|can not)|(?:had|'d) better(?: not)?"
            + "|may not|won't|will not)(?: not)? (?:forget|remember)(?: (?:about|to))?|"
            + "add (?:this |these )?(?:to|on|onto) (?:my|the) (?:todo |to-do |to do |task |)(?:list|tasks|todos)|hey|hi|hello|ok|okay|so|um|uh|oh|ugh|argh|meh|omg|oof|hmm+|alright|right|well|yo|assistant|please|pls|kindly|quick(?:ly)?|just"
            + "|(?:could|can|would|will) (?:you|u)(?: please)?(?: (?:just|quickly))?"
            + "|i(?:'d| would| should) like (?:you )?to|i want (?:you )?to|i wanna|let's|lets"
            // "create a ticket to bump the node version": a ticket, an issue or a card is the task itself
            + "|(?:create|open|file|raise|log|add|make|start) (?:a|an|another) (?:new )?(?:ticket|issue|card|story)(?: (?:to|for))?"
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
            + "|" + Interpreter.POLITE_WRAPPER + "|would you mind|do you mind"
            + "|i was wondering if you could|(?:i )?(?:need|have|got) 2"
            + "|need to|have to|got to|must|should|don't forget to|dont forget to|do not forget to|don't let me forget to"
            + "|remember to|make sure (?:i|to)|i'm supposed to|i am supposed to|i still need to|still need to"
            + "|there's|there is|i have|and|but|also|then|to|an?"
            // "Please note that I must collect my prescription": "that" before the one who must
            + "|that(?= (?:i|we) )|(?:please )?note (?:that|down that)(?= (?:i|we) ))\\b[\\s,:;.!-]*", Pattern.CASE_INSENSITIVE);

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

    /** Where a statement about a task stops naming it: its verb ("the SSL certificate | expires tomorrow"). */
    private static final Pattern PREDICATE = Pattern.compile("\\s+(?:is|are|was|were|'s|got|gets|has|have|had|can|could|should|must"
            + "|will|won't|would|needs?|isn't|aren't|wasn't|weren't|hasn't|haven't|doesn't|don't|didn't|expires?|expired|ends|ended"
            + "|runs? out|ran out|broke|breaks|leaks?|stopped|stops|died|dies|closes|closed|opens|starts|started|finishes"
            + "|went|goes|came|comes|moved|turned out)\\b.*$", Pattern.CASE_INSENSITIVE);
    static final Pattern STATEMENT_START = Pattern.compile("^(?:(?:just|finally|ok|okay|so|oops|ugh|well)\\s+)*(?:"
            + "(?:i'm\\s+|i am\\s+|i've\\s+|i\\s+)?(?:just\\s+)?(?:back|home|returned|got back|came back|coming back)\\s+from"
            + "|i\\s+(?:didn't|did not|haven't|have not|never)(?:\\s+(?:actually|really|even))?"
            // "I need more time on the quarterly report", "I'm behind on the slides": the task is what one is late with
            + "|(?:i|we)(?:'ll|\\s+will)?\\s+(?:need|want|could use|could do with)\\s+(?:a bit\\s+|a little\\s+|some\\s+|a few more days\\s+)?(?:more|extra)\\s+time\\s+(?:on|for|with)"
            + "|(?:i'm|i am|we're|we are)\\s+(?:running\\s+|a bit\\s+|way\\s+|really\\s+)?(?:behind|late)\\s+(?:on|with))\\s+", Pattern.CASE_INSENSITIVE);
    /** When and where, not what: "buy bread on the way home", "grab stamps while I'm out". */
    private static final Pattern ON_THE_WAY = Pattern.compile("\\s*\\b(?:(?:on|along) (?:the|my) way (?:home|back|to work|in|out|there)"
            + "(?: (?:from|to) (?:work|school|the gym|the office|the station))?"
            + "|while (?:i'm|i am) out|when (?:i'm|i am) out)\\b", Pattern.CASE_INSENSITIVE);
    /** A request after a remark, where the task starts: "ugh I keep forgetting, I need to …". */
    private static final Pattern PREFACE = Pattern.compile("[,.;:!?-]\\s*(?=(?:so\\s+|and\\s+)?(?:i|we)\\s+(?:really\\s+|still\\s+|also\\s+|just\\s+)?"
            + "(?:need|have|must|should|want|ought|gotta|got)\\s+(?:to\\s+)?\\S|(?:please\\s+)?remind me\\b|(?:please\\s+)?(?:don't|do not) (?:let me )?forget\\b"
            + "|(?:can|could) (?:you|u) (?:add|remind|put)\\b|(?:please\\s+)?add\\b)", Pattern.CASE_INSENSITIVE);
    /** "get a blood test done" is the task "Get blood test". */
    private static final Pattern GET_DONE = Pattern.compile("^(get|have)\\s+(.+?)\\s+done$", Pattern.CASE_INSENSITIVE);
    /** Verbs too light to make a title of ("…, make it urgent" sets the priority of the task before it). */
    private static final java.util.Set<String> LIGHT_VERBS = java.util.Set.of("make", "do", "set", "put", "get", "mark", "tick",
            "check", "cross", "keep", "leave", "have", "take", "let", "see", "change", "update", "move", "push", "add");
    /** "X expires tomorrow, renew it": a command on a pronoun after a statement that names its object. */
    private static final Pattern VERB_IT = Pattern.compile("^(.+?)\\s*[,;:.-]+\\s*(?:(?:so|and|then|please|pls|just)\\s+)*([\\p{L}]+)"
            + "\\s+(?:it|them|that|this)(?:\\s+(?:up|off|out|again|now|today|asap))?$", Pattern.CASE_INSENSITIVE);

    /**
     * A label before a colon (or a dash) that only says "this is a new task": "Please register a task:",
     * "Add to list:", "Put on my list:", "Schedule:", "New item:", "Please make a note:". It is made of these
     * words only, with at least one of {@link #REQUEST_KEYS}.
     */
    private static final Pattern HEAD = Pattern.compile("^([^:]{1,60}?)\\s*(?::|\\s-+)\\s*(\\S.*)$");
    private static final java.util.Set<String> REQUEST_KEYS = java.util.Set.of("add", "put", "create", "register", "record",
            "enter", "log", "note", "jot", "write", "schedule", "plan", "make", "new", "task", "todo", "item", "entry",
            "reminder", "remind", "save", "insert", "include", "append");
    private static final java.util.Set<String> REQUEST_FILLER = java.util.Set.of("please", "kindly", "could", "can", "would",
            "will", "you", "a", "an", "the", "my", "to", "do", "on", "onto", "in", "into", "list", "down", "up", "set", "for",
            "me", "myself", "this", "following", "one", "more", "another", "quick", "just", "also", "and", "i", "i'd", "want",
            "like", "let's", "lets", "it", "as", "under", "todos", "tasks", "items");

    private static final Pattern SENTENCE = Pattern.compile("(?<=[.?!;])\\s+(?=\\S)");
    /** Words of a remark that is only about urgency once its priority word is gone ("It is rather …", "There is …"). */
    private static final java.util.Set<String> REMARK_WORDS = java.util.Set.of("it", "it's", "its", "is", "was", "will", "be",
            "would", "rather", "quite", "very", "really", "fairly", "somewhat", "extremely", "most", "pretty", "super", "a", "bit",
            "little", "there", "there's", "this", "that", "that's", "so", "also", "too", "please", "thanks", "thank", "you",
            "kindly", "and", "of", "course", "not", "i", "think", "believe", "afraid", "am", "though", "however", "but");

    private Titles() {
    }

    /** The task after a label that only asks for a new one ("Please register a task: transfer the fees" → "transfer the fees"), or null. */
    public static String requestBody(String text) {
        Matcher m = HEAD.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        List<String> head = Words.tokens(m.group(1));
        boolean label = !head.isEmpty() && head.stream().anyMatch(REQUEST_KEYS::contains)
                && head.stream().allMatch(w -> REQUEST_KEYS.contains(w) || REQUEST_FILLER.contains(w));
        return label ? m.group(2).strip() : null;
    }

    /**
     * The words of a statement that name the task it is about: "the SSL certificate on the staging server
     * expires tomorrow" → "the SSL certificate on the staging server", "back from the gym" → "the gym",
     * "I didn't submit the expense report yet" → "submit the expense report".
     */
    public static String subject(String statement) {
        String t = STATEMENT_START.matcher(statement.strip()).replaceFirst("");
        t = PREDICATE.matcher(t).replaceFirst("");
        return t.replaceAll("(?i)\\s+(?:yet|after all|at all|finally|at last|already|now|anymore|any more)$", "").strip();
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
        String t = rest.replaceAll("\\s*(?:-+>|=+>)\\s*", " - ").replaceAll("\\s+", " ").strip();
        t = t.replaceAll("^[\\s,;:.!?-]+", "");
        String body = requestBody(t);
        if (body != null) {
            t = body;
        }
        t = ON_THE_WAY.matcher(t).replaceAll(" ").strip();
        Matcher preface = PREFACE.matcher(t);
        if (preface.find() && !startsWithAVerb(t.substring(0, preface.start()))) {
            // "ugh I keep forgetting, I need to get a blood test" → "I need to get a blood test".
            t = t.substring(preface.end()).strip();
        }
        Matcher verbIt = VERB_IT.matcher(t);
        if (verbIt.matches() && Interpreter.ACTION_VERBS.contains(verbIt.group(2).toLowerCase(Locale.ROOT))
                && !LIGHT_VERBS.contains(verbIt.group(2).toLowerCase(Locale.ROOT))
                && !startsLikeATask(verbIt.group(1))) {
            // "the SSL certificate expires tomorrow, renew it" → "Renew SSL certificate".
            t = verbIt.group(2) + " " + subject(verbIt.group(1));
        }
        t = withoutRemarks(t);
        String before;
        do {
            before = t;
            t = LEADING.matcher(t).replaceFirst("");
            t = TRAILING.matcher(t).replaceFirst("");
        } while (!t.equals(before));
        t = ARTICLES.matcher(t).replaceAll("");
        t = GET_DONE.matcher(t).replaceFirst("$1 $2");
        t = t.replaceAll("\\s+([,.!?;:])", "$1").replaceAll("\\s+", " ").replaceAll("^[\\s,;:.!?-]+|[\\s,;:!?-]+$", "")
                .replaceAll("(?<![A-Z]\\.[A-Z]?)\\.$", "").strip();
        if (t.length() > 200) {
            t = t.substring(0, 200).strip();
        }
        return Words.capitalise(t);
    }

    /**
     * {@code text} without the sentences after the first that are left empty once their date or priority is taken
     * out: "Appointment with Dr. Patel? It is rather [important]." → "Appointment with Dr. Patel?", "… to the
     * Hendersons. There is [no rush]." → "… to the Hendersons."
     */
    static String withoutRemarks(String text) {
        String[] sentences = SENTENCE.split(text);
        int keep = sentences.length;
        while (keep > 1 && Words.tokens(sentences[keep - 1]).stream().allMatch(REMARK_WORDS::contains)) {
            keep--;
        }
        return keep == sentences.length ? text : String.join(" ", java.util.Arrays.copyOf(sentences, keep));
    }

    /** True if {@code text} starts with a verb or a request ("buy milk, …", "I need to…"): it is the task itself. */
    private static boolean startsLikeATask(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replaceAll("^[\\s,;:.!?-]+", "");
        List<String> words = Words.tokens(lower);
        return words.isEmpty() || Interpreter.ACTION_VERBS.contains(words.get(0)) && !words.get(0).equals("back")
                || !LEADING.matcher(lower).replaceFirst("").equals(lower);
    }

    /** True if {@code text}, after interjections ("ugh", "ok so"), starts with an action verb ("call mom, …"). */
    private static boolean startsWithAVerb(String text) {
        List<String> words = Words.tokens(text);
        int i = 0;
        while (i < words.size() && words.get(i).matches("ugh|argh|meh|omg|oof|hmm+|ok|okay|so|oh|um+|uh+|well|right|hey|hi|yo|and|also|oops")) {
            i++;
        }
        return i < words.size() && Interpreter.ACTION_VERBS.contains(words.get(i));
    }

    /** True if {@code title} has at least one word that is not filler. */
    public static boolean meaningful(String title) {
        List<String> tokens = Words.tokens(title);
        return tokens.stream().anyMatch(w -> !Matching.STOP_WORDS.contains(w));
    }
}
