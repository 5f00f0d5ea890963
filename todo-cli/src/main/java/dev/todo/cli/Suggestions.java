package dev.todo.cli;

import java.util.Collection;
import java.util.Optional;

/** Finds what the user probably meant when a word is not known: "did you mean ...?". */
final class Suggestions {

    private Suggestions() {
    }

    /** The known word closest to {@code typed}: a unique prefix match, else within a small edit distance. */
    static Optional<String> closest(String typed, Collection<String> known) {
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        var prefixed = known.stream().filter(word -> word.startsWith(typed)).toList();
        if (prefixed.size() == 1) {
            return Optional.of(prefixed.get(0));
        }
        int allowed = Math.max(1, typed.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String word : known) {
            int distance = distance(typed, word);
            if (distance <= allowed && distance < bestDistance) {
                best = word;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
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
}
