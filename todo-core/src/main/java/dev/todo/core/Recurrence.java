package dev.todo.core;

/** INTERIM (replaced by the recur branch before merge): accepts FREQ=... only. */
public final class Recurrence {
    private final String rrule;

    private Recurrence(String rrule) {
        this.rrule = rrule;
    }

    public static Recurrence parse(String text) {
        if (text == null || !text.strip().toUpperCase().startsWith("FREQ=")) {
            throw new InvalidTaskException("recurrence", "A repeat starts with FREQ=");
        }
        return new Recurrence(text.strip().toUpperCase());
    }

    public String rrule() {
        return rrule;
    }
}
