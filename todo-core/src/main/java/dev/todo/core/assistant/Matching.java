package dev.todo.core.assistant;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the task a person means by a few words, by meaning rather than exact title: each word is reduced
 * to a base form ("bought" → buy, "groceries" → grocery, "prepared" → prepar), mapped to a shared concept
 * for common synonyms ("shopping" and "groceries", "mum" and "mom"), and stop words are ignored. Each task
 * is scored by how much of the query it covers (rarer words weigh more) and how much of its title the query
 * covers; the best task wins when it is clearly ahead, otherwise the close ones are offered as a choice.
 */
public final class Matching {

    /** Words that say nothing about which task is meant. */
    public static final Set<String> STOP_WORDS = Set.of(
            "the", "a", "an", "my", "our", "your", "to", "for", "of", "on", "in", "with", "about", "and", "or", "i",
            "me", "it", "is", "are", "was", "that", "this", "these", "those", "task", "tasks", "todo", "one",
            "please", "just", "all", "at", "by", "from", "as", "be", "been", "have", "has", "had", "do", "did",
            "done", "finally", "already", "now", "off", "up", "item", "thing", "stuff", "i'm", "i've", "we",
            "you", "can", "could", "would", "will", "so", "yes", "ok", "okay", "thanks", "today", "mark",
            "marked", "complete", "completed", "finish", "finished", "which", "what", "some", "then", "there",
            "its", "it's", "that's", "also", "too", "very", "really", "again", "yet", "still", "out", "over",
            "into", "onto", "thank", "hey", "hi", "task's", "reminder", "entry", "due", "date", "new");

    private static final Map<String, String> LEMMAS = Map.ofEntries(
            Map.entry("bought", "buy"), Map.entry("paid", "pay"), Map.entry("sent", "send"), Map.entry("went", "go"),
            Map.entry("gone", "go"), Map.entry("made", "make"), Map.entry("took", "take"), Map.entry("taken", "take"),
            Map.entry("got", "get"), Map.entry("gotten", "get"), Map.entry("wrote", "write"), Map.entry("written", "write"),
            Map.entry("ran", "run"), Map.entry("met", "meet"), Map.entry("spoke", "speak"), Map.entry("told", "tell"),
            Map.entry("gave", "give"), Map.entry("given", "give"), Map.entry("brought", "bring"), Map.entry("found", "find"),
            Map.entry("left", "leave"), Map.entry("fed", "feed"), Map.entry("sold", "sell"), Map.entry("swept", "sweep"),
            Map.entry("drove", "drive"), Map.entry("ate", "eat"), Map.entry("kept", "keep"), Map.entry("built", "build"),
            Map.entry("spent", "spend"), Map.entry("flew", "fly"), Map.entry("drew", "draw"), Map.entry("chose", "choose"),
            Map.entry("saw", "see"), Map.entry("seen", "see"), Map.entry("read", "read"), Map.entry("hung", "hang"),
            Map.entry("did", "do"), Map.entry("began", "begin"), Map.entry("won", "win"), Map.entry("put", "put"),
            Map.entry("set", "set"), Map.entry("cut", "cut"), Map.entry("mum", "mom"), Map.entry("mother", "mom"),
            Map.entry("mommy", "mom"), Map.entry("mama", "mom"), Map.entry("ma", "mom"), Map.entry("father", "dad"),
            Map.entry("daddy", "dad"), Map.entry("papa", "dad"), Map.entry("groceries", "grocery"),
            Map.entry("shopping", "grocery"), Map.entry("shop", "grocery"), Map.entry("supermarket", "grocery"),
            Map.entry("food", "grocery"), Map.entry("phone", "call"), Map.entry("ring", "call"),
            Map.entry("rang", "call"), Map.entry("e-mail", "email"), Map.entry("mail", "email"),
            Map.entry("mailed", "email"), Map.entry("prep", "prepar"), Map.entry("preparation", "prepar"),
            Map.entry("ready", "prepar"), Map.entry("deck", "slide"), Map.entry("presentation", "slide"),
            Map.entry("repair", "fix"), Map.entry("repaired", "fix"), Map.entry("resolve", "fix"),
            Map.entry("resolved", "fix"), Map.entry("solved", "fix"), Map.entry("solve", "fix"),
            Map.entry("patched", "fix"), Map.entry("issue", "bug"), Map.entry("error", "bug"),
            Map.entry("incident", "bug"), Map.entry("outage", "bug"), Map.entry("dr", "doctor"), Map.entry("gp", "doctor"),
            Map.entry("dental", "dentist"), Map.entry("teeth", "dentist"), Map.entry("appt", "appointment"),
            Map.entry("garbage", "trash"), Map.entry("rubbish", "trash"), Map.entry("bins", "trash"),
            Map.entry("workout", "gym"), Map.entry("exercise", "gym"), Map.entry("meds", "medicine"),
            Map.entry("medication", "medicine"), Map.entry("pills", "medicine"), Map.entry("prs", "pr"),
            Map.entry("tax", "tax"), Map.entry("taxes", "tax"), Map.entry("meeting", "meet"), Map.entry("meetings", "meet"),
            Map.entry("sync", "meet"), Map.entry("standup", "meet"), Map.entry("wash", "laundry"),
            Map.entry("washing", "laundry"), Map.entry("clothes", "laundry"), Map.entry("reserve", "book"),
            Map.entry("reserved", "book"), Map.entry("reservation", "book"), Map.entry("booked", "book"),
            Map.entry("quarterly", "quarter"), Map.entry("q4", "quarter"), Map.entry("q3", "quarter"),
            Map.entry("bday", "birthday"), Map.entry("b-day", "birthday"), Map.entry("texted", "text"),
            Map.entry("messaged", "text"), Map.entry("message", "text"), Map.entry("buying", "buy"),
            Map.entry("picked", "pick"), Map.entry("cleaned", "clean"), Map.entry("tidied", "clean"),
            Map.entry("tidy", "clean"), Map.entry("vacuumed", "clean"), Map.entry("hoovered", "clean"),
            Map.entry("plane", "flight"), Map.entry("airfare", "flight"), Map.entry("holiday", "vacation"),
            Map.entry("holidays", "vacation"), Map.entry("trip", "vacation"), Map.entry("renta", "rent"),
            Map.entry("dentista", "dentist"), Map.entry("dentiste", "dentist"), Map.entry("mamá", "mom"),
            Map.entry("maman", "mom"), Map.entry("papá", "dad"), Map.entry("gimnasio", "gym"),
            Map.entry("compras", "grocery"),
            Map.entry("pasaporte", "passport"), Map.entry("passeport", "passport"), Map.entry("plantas", "plant"),
            Map.entry("plantes", "plant"), Map.entry("garaje", "garage"), Map.entry("vuelos", "flight"));

    /** Verbs that say little about which task is meant ("I went to the dentist": the dentist matters). */
    private static final Set<String> LIGHT_VERBS = Set.of("go", "get", "do", "mak", "tak", "hav", "put", "set", "see", "start");

    /** A task and how well it matched (0 to about 1.2). */
    public record Scored(Map<String, Object> task, double score) {
    }

    /** The outcome of matching: the one task meant, or the close candidates when unsure (both empty: no match). */
    public record Pick(Map<String, Object> task, List<Map<String, Object>> candidates) {
    }

    private Matching() {
    }

    /** The base form of a lower-case word: past tenses and plurals reduced, common synonyms merged. */
    public static String stem(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.endsWith("'s")) {
            w = w.substring(0, w.length() - 2);
        }
        String lemma = LEMMAS.get(w);
        if (lemma != null) {
            return stripE(lemma);
        }
        if (w.length() <= 3 || !w.chars().allMatch(Character::isLetter)) {
            return w;
        }
        if (w.endsWith("ies") && w.length() > 4) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.endsWith("ing") && w.length() > 5) {
            w = undouble(w.substring(0, w.length() - 3));
        } else if (w.endsWith("ied") && w.length() > 4) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.endsWith("ed") && w.length() > 4) {
            w = undouble(w.substring(0, w.length() - 2));
        } else if (w.endsWith("es") && (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("zes")
                || w.endsWith("ches") || w.endsWith("shes"))) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        lemma = LEMMAS.get(w);
        return stripE(lemma != null ? lemma : w);
    }

    private static String stripE(String w) {
        return w.endsWith("e") && w.length() > 3 ? w.substring(0, w.length() - 1) : w;
    }

    private static String undouble(String w) {
        int n = w.length();
        if (n >= 3 && w.charAt(n - 1) == w.charAt(n - 2) && "aeiouls".indexOf(w.charAt(n - 1)) < 0) {
            return w.substring(0, n - 1);
        }
        return w;
    }

    /** The distinct concepts (stems of non-stop words) of {@code text}, in order. */
    public static List<String> concepts(String text) {
        Set<String> out = new LinkedHashSet<>();
        // "worked out this morning" is a workout (the gym), not work.
        String joined = text.replaceAll("(?i)\\bwork(?:ed|ing|s)?\\s+out\\b", "workout");
        for (String token : Words.tokens(joined)) {
            if (!STOP_WORDS.contains(token)) {
                String s = stem(token);
                if (!STOP_WORDS.contains(s)) {
                    out.add(s);
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** True if every concept of {@code query} is in {@code title} ("quarterly report" in "Review quarterly report"). */
    public static boolean covers(String query, String title) {
        List<String> q = concepts(query);
        List<String> t = concepts(title);
        return !q.isEmpty() && q.stream().allMatch(c -> t.stream().anyMatch(x -> similar(c, x) >= 0.8));
    }

    /** Every task scored against {@code query}, best first (ties keep the given order). */
    public static List<Scored> rank(String query, List<Map<String, Object>> tasks) {
        List<String> q = concepts(query);
        List<List<String>> titles = new ArrayList<>();
        Map<String, Integer> frequency = new HashMap<>();
        for (Map<String, Object> task : tasks) {
            List<String> t = concepts(String.valueOf(task.get("title")));
            titles.add(t);
            for (String c : new HashSet<>(t)) {
                frequency.merge(c, 1, Integer::sum);
            }
        }
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            scored.add(new Scored(tasks.get(i), score(q, titles.get(i), frequency, tasks.size(),
                    String.valueOf(tasks.get(i).get("title")), query)));
        }
        List<Scored> sorted = new ArrayList<>(scored);
        sorted.sort(Comparator.comparingDouble(Scored::score).reversed());
        return sorted;
    }

    private static double score(List<String> query, List<String> title, Map<String, Integer> frequency, int n,
            String rawTitle, String rawQuery) {
        if (query.isEmpty() || title.isEmpty()) {
            return 0;
        }
        double total = 0;
        double found = 0;
        int titleHits = 0;
        for (String q : query) {
            double weight = Math.log(1.0 + (n + 1.0) / (1.0 + frequency.getOrDefault(q, 0))) + 0.5;
            if (LIGHT_VERBS.contains(q)) {
                weight *= 0.3;
            }
            total += weight;
            double best = 0;
            for (String t : title) {
                double s = similar(q, t);
                best = Math.max(best, s);
            }
            found += weight * best;
        }
        for (String t : title) {
            for (String q : query) {
                if (similar(q, t) > 0) {
                    titleHits++;
                    break;
                }
            }
        }
        double score = 0.7 * (found / total) + 0.3 * ((double) titleHits / title.size());
        String lowerTitle = rawTitle.toLowerCase(Locale.ROOT);
        String lowerQuery = rawQuery.toLowerCase(Locale.ROOT).strip();
        if (!lowerQuery.isEmpty() && lowerTitle.equals(lowerQuery)) {
            score += 0.2;
        }
        return score;
    }

    private static double similar(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        if (a.length() >= 4 && b.length() >= 4 && (a.startsWith(b) || b.startsWith(a))) {
            return 0.8;
        }
        if (a.length() >= 5 && b.length() >= 5 && Words.distance(a, b) <= 1) {
            return 0.8;
        }
        return 0;
    }

    /**
     * The task {@code query} means among {@code tasks}: the best one when it scores well and clearly beats
     * the next; otherwise the close candidates (best first, at most five); otherwise neither.
     */
    public static Pick pick(String query, List<Map<String, Object>> tasks) {
        List<Scored> ranked = rank(query, tasks);
        if (ranked.isEmpty() || ranked.get(0).score() < 0.3) {
            return new Pick(null, List.of());
        }
        double best = ranked.get(0).score();
        double second = ranked.size() > 1 ? ranked.get(1).score() : 0;
        if (second < 0.3 || best - second >= 0.15 || second < best * 0.75) {
            return new Pick(ranked.get(0).task(), List.of());
        }
        List<Map<String, Object>> close = new ArrayList<>();
        for (Scored s : ranked) {
            if (s.score() >= 0.3 && s.score() >= best - 0.15 && close.size() < 5) {
                close.add(s.task());
            }
        }
        return new Pick(null, close);
    }
}
