package dev.todo.server.task;

import java.util.OptionalDouble;

/**
 * Manual order by fractional positions: a task moved between two neighbours takes the midpoint of their
 * positions, so a move writes one row. Only when doubles run out of room between two neighbours
 * (after some fifty moves into the same gap) are the user's positions spread out again.
 */
final class Positions {

    /** The distance between consecutive positions of new or re-spread tasks. */
    static final double STEP = 1024;

    private Positions() {
    }

    /**
     * A position strictly between {@code low} and {@code high}; {@code null} for a missing neighbour
     * (the start or the end of the list). Empty when there is no such double left.
     */
    static OptionalDouble between(Double low, Double high) {
        if (low == null && high == null) {
            return OptionalDouble.of(STEP);
        }
        if (low == null) {
            return OptionalDouble.of(high - STEP);
        }
        if (high == null) {
            return OptionalDouble.of(low + STEP);
        }
        double middle = low + (high - low) / 2;
        return middle > low && middle < high ? OptionalDouble.of(middle) : OptionalDouble.empty();
    }
}
