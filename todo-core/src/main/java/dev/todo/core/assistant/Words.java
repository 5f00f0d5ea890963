package dev.todo.core.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-level helpers shared by the parsers: cleaning a message, fixing common typos, splitting into
 * words, reducing a word to a base form (bought → buy, groceries → grocery), and edit distance.
 */
public final class Words {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?");

    /** Misspellings and shorthands that are common in chat, and the word meant. */
    private static final Map<String, String> TYPOS = Map.ofEntries(
            Map.entry("tmrw", "tomorrow"), Map.entry("tmr", "tomorrow"), Map.entry("tmrow", "tomorrow"),
            Map.entry("tomoz", "tomorrow"), Map.entry("2morrow", "tomorrow"), Map.entry("2moro", "tomorrow"),
            Map.entry("tommorow", "tomorrow"), Map.entry("tommorrow", "tomorrow"), Map.entry("tomorow", "tomorrow"),
            Map.entry("tomorro", "tomorrow"), Map.entry("tomrrow", "tomorrow"), Map.entry("tmorrow", "tomorrow"),
            Map.entry("2day", "today"), Map.entry("tdy", "today"), Map.entry("tonite", "tonight"),
            Map.entry("2nite", "tonight"), Map.entry("wensday", "wednesday"), Map.entry("wendsday", "wednesday"),
            Map.entry("wednsday", "wednesday"), Map.entry("wedensday", "wednesday"), Map.entry("thrusday", "thursday"),
            Map.entry("thursady", "thursday"), Map.entry("firday", "friday"), Map.entry("fridy", "friday"),
            Map.entry("tuseday", "tuesday"), Map.entry("teusday", "tuesday"), Map.entry("satuday", "saturday"),
            Map.entry("saturady", "saturday"), Map.entry("sundy", "sunday"), Map.entry("mondy", "monday"),
            Map.entry("pls", "please"), Map.entry("plz", "please"), Map.entry("plse", "please"),
            Map.entry("thx", "thanks"), Map.entry("thanx", "thanks"), Map.entry("ty", "thanks"),
            Map.entry("u", "you"), Map.entry("ur", "your"), Map.entry("im", "i'm"), Map.entry("dont", "don't"),
            Map.entry("didnt", "didn't"), Map.entry("ive", "i've"), Map.entry("whats", "what's"),
            Map.entry("wats", "what's"), Map.entry("wat", "what"), Map.entry("wut", "what"),
            Map.entry("isnt", "isn't"), Map.entry("lemme", "let me"), Map.entry("gimme", "give me"),
            Map.entry("wanna", "want to"), Map.entry("gotta", "got to"), Map.entry("hafta", "have to"),
            Map.entry("groceris", "groceries"), Map.entry("grocerys", "groceries"), Map.entry("grocieries", "groceries"),
            Map.entry("urgnt", "urgent"), Map.entry("importnt", "important"), Map.entry("priorty", "priority"),
            Map.entry("prio", "priority"), Map.entry("remnd", "remind"), Map.entry("reminde", "remind"),
            Map.entry("dentis", "dentist"), Map.entry("meetng", "meeting"), Map.entry("mtg", "meeting"),
            Map.entry("appt", "appointment"), Map.entry("tmw", "tomorrow"), Map.entry("nxt", "next"),
            Map.entry("wk", "week"), Map.entry("tasks's", "tasks"), Map.entry("compleet", "complete"),
            Map.entry("delet", "delete"), Map.entry("cancle", "cancel"), Map.entry("cancell", "cancel"),
            Map.entry("resched", "reschedule"), Map.entry("sched", "schedule"), Map.entry("hihg", "high"),
            Map.entry("hgih", "high"), Map.entry("hight", "high"), Map.entry("prioirty", "priority"),
            Map.entry("prority", "priority"), Map.entry("taks", "tasks"), Map.entry("tsks", "tasks"),
            Map.entry("remvoe", "remove"), Map.entry("reomve", "remove"), Map.entry("comlpete", "complete"), Map.entry("dlete", "delete"), Map.entry("deleet", "delete"),
            Map.entry("abt", "about"), Map.entry("b4", "before"), Map.entry("thru", "through"), Map.entry("ppl", "people"),
            Map.entry("msg", "message"), Map.entry("cuz", "because"), Map.entry("coz", "because"), Map.entry("bday", "birthday"),
            Map.entry("smth", "something"), Map.entry("sth", "something"), Map.entry("tho", "though"), Map.entry("rn", "right now"),
            Map.entry("r", "are"), Map.entry("whens", "when's"), Map.entry("wheres", "where's"), Map.entry("kinda", "kind of"), Map.entry("sorta", "sort of"), Map.entry("dunno", "don't know"),
            Map.entry("doesnt", "doesn't"), Map.entry("wasnt", "wasn't"), Map.entry("arent", "aren't"), Map.entry("havent", "haven't"),
            Map.entry("cant", "can't"), Map.entry("wont", "won't"), Map.entry("shouldnt", "shouldn't"));

    /** Keywords worth recognising even when misspelt by one letter (two for long words). */
    private static final List<String> FUZZY_TARGETS = List.of("running", "electricity", "appointment", "insurance",
            "prescription", "passport", "vacation", "medicine", "mortgage", "subscription",
            "tomorrow", "today", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "weekend", "january", "february", "august", "september",
            "october", "november", "december", "urgent", "important", "priority", "critical", "groceries",
            "complete", "completed", "finished", "delete", "reschedule", "remind", "meeting", "overdue",
            "dentist", "doctor", "upcoming", "schedule", "quarterly", "report", "production", "presentation",
            "rename", "reopen", "emergency", "someday", "eventually", "laundry", "birthday", "please",
            // adverbs of a report, often misspelt: "finaly done", "i actualy finished", "alredy paid"
            "finally", "actually", "already");

    /** Words that look like a misspelt keyword but are real words: never "corrected". */
    private static final Set<String> REAL_WORDS = Set.of(
            "todays", "money", "remember", "incomplete", "uncompleted", "reported", "sundae", "resort", "match", "tanks", "monday's", "toady", "remote", "reports", "report", "meetings", "critic",
            "deleted", "completes", "finishes", "finisher", "reminds", "rename", "renamed", "tasks", "task",
            "complete", "completed", "dentists", "doctors", "weekends", "fridays", "mondays", "sundays",
            "schedules", "scheduled", "groceries", "grocery", "priority", "priorities", "pleased", "pleases",
            "march", "marched", "marches", "marching", "remain", "remains", "reminded", "tonight",
            "meeting", "meetinh", "todo", "today", "tomorrow", "finished", "finish", "ruining", "cunning", "passports", "electrician", "electricians", "electric", "electrical",
            "appointments", "medicines", "vacations", "mortgages", "subscriptions", "prescriptions");

    /**
     * Spanish and French words people mix into English requests, and the English they stand for. Only what
     * carries the request is translated (commands, politeness, dates, priorities, "I need to", "done"); the
     * words of a task stay as written ("organize las fotos", "call the bank about my carte bancaire").
     * Longer phrases come first.
     */
    private static final List<Map.Entry<Pattern, String>> FOREIGN = List.of(
            foreign("por favor|s'il (?:te|vous) pla[iî]t|svp", "please"),
            foreign("muchas gracias|merci beaucoup|merci bien|gracias|merci", "thanks"),
            foreign("(?:c'est|es|est) (?:tr[eè]s |muy |super )?(?:urgent|urgente)|tr[eè]s urgent|muy urgente|urgente", "urgent"),
            foreign("(?:c'est|es) (?:tr[eè]s |muy )?(?:important|importante)|importante", "important"),
            foreign("no hay prisa|sin prisa|no corre prisa|no es urgente|(?:c'est )?pas (?:urgent|press[ée])|rien ne presse|sans urgence", "no rush"),
            foreign("necesito|tengo que|hay que|j'ai besoin de|je dois|il faut que je|il faut", "I need to"),
            foreign("recu[eé]rdame (?:de |que )?|rappelle[- ]moi (?:de |d')?", "remind me to "),
            foreign("rappel|recordatorio", "reminder"),
            foreign("pasado ma[ñn]ana|apr[eè]s-demain", "day after tomorrow"),
            foreign("aujourd'hui|hoy", "today"),
            foreign("ma[ñn]ana|demain", "tomorrow"),
            foreign("esta noche|ce soir", "tonight"),
            foreign("la semana que viene|la pr[oó]xima semana|la semaine prochaine", "next week"),
            foreign("el mes que viene|el pr[oó]ximo mes|le mois prochain", "next month"),
            foreign("este fin de semana|ce week-end|ce weekend", "this weekend"),
            foreign("(?:el )?lunes|lundi", "monday"), foreign("(?:el )?martes|mardi", "tuesday"),
            foreign("(?:el )?mi[ée]rcoles|mercredi", "wednesday"), foreign("(?:el )?jueves|jeudi", "thursday"),
            foreign("(?:el )?viernes|vendredi", "friday"), foreign("(?:el )?s[áa]bado|samedi", "saturday"),
            foreign("(?:el )?domingo|dimanche", "sunday"),
            foreign("b[óo]rralo|b[óo]rrala|borra|borrar|elimina|eliminar|quita|quitar|supprime|supprimer|efface|effacer", "delete"),
            foreign("cambia|cambiar|modifie|modifier", "change"), foreign("mueve|mover|d[ée]place|d[ée]placer", "move"),
            foreign("la fecha|la date", "the date"),
            foreign("ya est[áa]|c'est fait|c'est fini|c'est termin[ée]|terminado|termin[ée]|listo|hecho", "done"),
            foreign("(?:mi |la )?lista de tareas|mis tareas|mes t[âa]ches|ma liste de t[âa]ches", "my tasks"),
            foreign("ayuda|aide-moi|aidez-moi", "help"),
            foreign("buenos d[ií]as|buenas tardes|buenas noches|bonjour|bonsoir|hola|salut", "hello"),
            foreign("adi[oó]s|hasta luego|au revoir", "bye"),
            foreign("tambi[ée]n|aussi", "also"), foreign("ahora|maintenant", "now"));

    private static Map.Entry<Pattern, String> foreign(String words, String english) {
        return Map.entry(Pattern.compile("(?<![\\p{L}'])(?:" + words + ")(?![\\p{L}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), english);
    }

    /** Spoken filler, which says nothing wherever it stands: "um", "uh", "erm"; "so yeah" or "you know" at the end. */
    private static final Pattern FILLER = Pattern.compile("(?i)(?<![\\p{L}'])(?:u+m+|u+h+m*|e+r+m+|h+m+m+)(?![\\p{L}'])[,.]*"
            + "|[,\\s]*\\b(?:so yeah|yeah so|you know|or something|or whatever|i guess)[\\s.!]*$|^(?:so yeah|yeah so|ok so yeah)\\b[,\\s]*");
    /** "remind me to like buy stamps", "just like email him": a spoken "like" before a verb. */
    private static final Pattern LIKE = Pattern.compile("(?i)\\b(to|just|gotta|and)\\s+like,?\\s+(?=([\\p{L}]+))");

    private static final Pattern NUMBER_TO = Pattern.compile("(?i)\\b(have|has|had|need|needs|got|want|wants|going|ought|used|gotta|how|remind me)"
            + "\\s+2\\s+(?=[a-z]+\\b)(?![a-z]*s\\b|(?:am|pm|days?|weeks?|months?|hours?|mins?|minutes?)\\b)");

    /** A letter said three times or more: "sooo", "okkk", "pleeease", "yesss" (not "aaa", "www": one letter only). */
    private static final Pattern DRAWN_OUT = Pattern.compile("(?<![\\p{L}])[\\p{L}]*([\\p{L}])\\1\\1[\\p{L}]*");
    /** Words of talk whose drawn-out letters stand for one ("sooo" is "so"), where the rest keep two ("goood"). */
    private static final Set<String> DISCOURSE = Set.of("so", "ok", "okay", "no", "yes", "yay", "hey", "hi", "please", "thanks",
            "oh", "ah", "wow", "ugh", "argh", "omg", "lol", "bye", "yo", "now", "pls", "hello", "sorry", "yeah", "nope", "yep", "ha");

    private Words() {
    }

    /** "sooo" → "so", "pleeease" → "please", "goood" → "good": letters said three times or more become one or two. */
    static String undrawn(String text) {
        Matcher m = DRAWN_OUT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (m.group().matches("(\\p{L})\\1*")) {
                continue; // "AAA batteries", "zzz"
            }
            String two = m.group().replaceAll("([\\p{L}])\\1{2,}", "$1$1");
            String one = m.group().replaceAll("([\\p{L}])\\1{2,}", "$1");
            m.appendReplacement(out, Matcher.quoteReplacement(DISCOURSE.contains(one.toLowerCase(Locale.ROOT)) ? one : two));
        }
        return m.appendTail(out).toString();
    }

    /**
     * The message cleaned for parsing: curly quotes made straight, emoji and other symbols dropped,
     * spaces collapsed, common typos fixed. The user's casing is kept.
     */
    public static String clean(String message) {
        if (message == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(message.length());
        message.codePoints().forEach(cp -> {
            if (cp == '\u2018' || cp == '\u2019' || cp == '\u02bc') {
                out.append('\'');
            } else if (cp == '\u201c' || cp == '\u201d') {
                out.append('"');
            } else if (cp == 0x2705 || cp == 0x2714 || cp == 0x2713 || cp == 0x2611) {
                out.append(" done ");
            } else if (cp == 0x1F44D || cp == 0x1F44C) {
                out.append(" ok ");
            } else if (cp == '\u2192' || cp == '\u21d2' || cp == '\u2794' || cp == '\u279c' || cp == '\u27a1' || cp == '\u27f6') {
                out.append(" -> "); // "dentist → friday": an arrow says what something becomes
            } else if (cp == '\u2013' || cp == '\u2014') {
                out.append(" - ");
            } else if (Character.isLetterOrDigit(cp) || Character.isWhitespace(cp)
                    || (cp < 128 && "!\"#$%&'()*+,-./:;<=>?@[]_".indexOf(cp) >= 0)) {
                out.appendCodePoint(Character.isWhitespace(cp) ? ' ' : cp);
            } else {
                out.append(' ');
            }
        });
        String text = out.toString();
        for (Map.Entry<Pattern, String> word : FOREIGN) {
            text = word.getKey().matcher(text).replaceAll(Matcher.quoteReplacement(word.getValue()));
        }
        text = FILLER.matcher(undrawn(text)).replaceAll(" ");
        text = fixTypos(text.replaceAll("\\s+", " ").strip());
        Matcher like = LIKE.matcher(text);
        StringBuilder unliked = new StringBuilder();
        while (like.find()) {
            like.appendReplacement(unliked, Matcher.quoteReplacement(
                    Interpreter.ACTION_VERBS.contains(like.group(2).toLowerCase(Locale.ROOT)) ? like.group(1) + " " : like.group()));
        }
        text = like.appendTail(unliked).toString();
        // "w/" is "with"; "have 2 do", "need 2 buy": a "2" between such a verb and a verb is "to" (not "2 tickets").
        text = text.replaceAll("(?i)(?<![\\p{L}])w/\\s*", "with ");
        text = NUMBER_TO.matcher(text).replaceAll("$1 to ");
        // "remember me to send the contract": a non-native "remind me to" (also "remember me about/of/that").
        text = text.replaceAll("(?i)\\bremember me\\s+(?=(?:to|2|about|of|that|on|tomorrow|tonight|next|in)\\b)", "remind me ");
        // "cal the plumber": "cal" before a word is "call" (a final "cal" may be a calendar).
        text = text.replaceAll("(?i)\\bcal(?=\\s+\\p{L})", "call");
        // "milk n eggs", "dinner w mom": a lone n or w between words.
        text = text.replaceAll("(?i)(?<=\\p{L})\\s+n\\s+(?=\\p{L})", " and ").replaceAll("(?i)(?<=\\p{L})\\s+w\\s+(?=\\p{L})", " with ");
        return text;
    }

    /** Replaces misspelt keywords (see {@link #corrected(String)}) in {@code text}, keeping everything else. */
    public static String fixTypos(String text) {
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String word = m.group();
            String fixed = corrected(word.toLowerCase(Locale.ROOT));
            if (fixed.equals(word.toLowerCase(Locale.ROOT))) {
                m.appendReplacement(out, Matcher.quoteReplacement(word));
            } else {
                m.appendReplacement(out, Matcher.quoteReplacement(fixed));
            }
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The keyword meant by a lower-case word, or the word itself. */
    public static String corrected(String word) {
        String known = TYPOS.get(word);
        if (known != null) {
            return known;
        }
        if (word.length() < 5 || REAL_WORDS.contains(word) || !word.chars().allMatch(Character::isLetter)) {
            return word;
        }
        for (String target : FUZZY_TARGETS) {
            if (target.equals(word) || (word.startsWith(target)
                    && List.of("s", "es", "d", "ed", "ing", "er", "ly", "'s").contains(word.substring(target.length())))
                    || (target.endsWith("e") && word.startsWith(target.substring(0, target.length() - 1))
                    && List.of("ing", "ed").contains(word.substring(target.length() - 1)))) {
                return word;
            }
        }
        for (String target : FUZZY_TARGETS) {
            int allowed = word.length() >= 8 && target.length() >= 8 ? 2 : 1;
            if (target.charAt(0) == word.charAt(0) && Math.abs(target.length() - word.length()) <= allowed
                    && distance(word, target) <= allowed) {
                return target;
            }
        }
        return word;
    }

    /** The lower-case words of {@code text} (letters and digits; an inner apostrophe kept). */
    public static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    /**
     * Edit distance where swapping two neighbouring letters counts as one edit (optimal string alignment),
     * so "firday" is one edit from "friday".
     */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** {@code text} with its first letter upper-cased; a title typed all in capitals is lower-cased first. */
    public static String capitalise(String text) {
        String t = text;
        if (t.length() > 3 && t.equals(t.toUpperCase(Locale.ROOT)) && !t.equals(t.toLowerCase(Locale.ROOT))) {
            t = t.toLowerCase(Locale.ROOT);
        }
        if (t.isEmpty()) {
            return t;
        }
        int first = t.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
                .append(t.substring(Character.charCount(first))).toString();
    }
}
