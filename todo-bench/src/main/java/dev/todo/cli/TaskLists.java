package dev.todo.cli;

import java.time.Clock;

/** Task lists shaped like a real user's: varied titles, most with a description, a third done. */
final class TaskLists {

    private static final String[] VERBS = {"Buy", "Call", "Email", "Review", "Plan", "Fix", "Write", "Book"};
    private static final String[] THINGS = {
        "groceries for the week", "mom about the weekend", "the quarterly report", "pull request #%d",
        "the team offsite", "the leaking kitchen tap", "notes for the design review", "dentist appointment"};

    private TaskLists() {
    }

    static TaskList filled(int count, Clock clock) {
        TaskList tasks = new TaskList(clock);
        for (int i = 1; i <= count; i++) {
            String title = VERBS[i % VERBS.length] + " " + THINGS[(i / 3) % THINGS.length].formatted(i);
            String description = i % 4 == 0 ? null : "Details for task " + i + ": remember to check the list first";
            var task = tasks.add(title, description);
            if (i % 3 == 0) {
                tasks.update(task.complete(clock.instant()));
            }
        }
        return tasks;
    }
}
