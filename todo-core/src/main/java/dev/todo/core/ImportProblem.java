package dev.todo.core;

/** Something wrong with one task of an import file: which task (0-based position), which field, what. */
public record ImportProblem(int index, String title, String field, String message) {

    /** For people: {@code Task 2 ("Buy milk"), title: Title is required}. */
    public String describe() {
        String which = title == null || title.isBlank()
                ? "Task " + (index + 1)
                : "Task " + (index + 1) + " (\"" + abbreviate(title) + "\")";
        return which + ", " + field + ": " + message;
    }

    private static String abbreviate(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 40 ? line : line.substring(0, 39) + "…";
    }
}
