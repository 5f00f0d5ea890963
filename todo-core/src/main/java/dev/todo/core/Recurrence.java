package dev.todo.core;

import java.time.LocalDate;

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

    public LocalDate nextDue(LocalDate due, LocalDate completedOn, RecurFrom from) {
        LocalDate base = from == RecurFrom.COMPLETION ? completedOn : due;
        return rrule.startsWith("FREQ=WEEKLY") ? base.plusWeeks(1) : base.plusDays(1);
    }
}
