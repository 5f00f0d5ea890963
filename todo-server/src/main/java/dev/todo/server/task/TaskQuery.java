package dev.todo.server.task;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.todo.core.InvalidTaskException;
import dev.todo.core.Priority;
import dev.todo.core.TaskFields;
import dev.todo.core.TaskStatus;
import dev.todo.server.web.InvalidRequestException;

/**
 * What a task listing asks for, read from the query string and checked: filters, a view, an order and a
 * page. Turns itself into SQL with named parameters; every value goes in as a parameter, never as text.
 */
record TaskQuery(List<String> statuses, List<String> priorities, LocalDate dueBefore, LocalDate dueAfter,
                 List<String> tags, String search, View view, Sort sort, boolean descending, int page, int limit) {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    /** The dashboard views of FR-2.4. */
    enum View {
        /** Due today or overdue, not done. */
        TODAY,
        /** Due in the next seven days (after today), not done. */
        UPCOMING,
        /** Done, most recently completed first. */
        COMPLETED
    }

    /** The orders a listing can have; each reads naturally ascending, {@code -name} reverses it. */
    enum Sort {
        POSITION("position"),
        DUE_DATE("due_date"),
        /** High first. */
        PRIORITY("CASE priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END"),
        TITLE("lower(title)"),
        CREATED_AT("created_at"),
        UPDATED_AT("updated_at"),
        COMPLETED_AT("completed_at");

        private final String expression;

        Sort(String expression) {
            this.expression = expression;
        }

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static TaskQuery parse(Map<String, String> params) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> statuses = statuses(params.get("status"), errors);
        List<String> priorities = priorities(params.get("priority"), errors);
        LocalDate dueBefore = date(params.get("due_before"), "due_before", errors);
        LocalDate dueAfter = date(params.get("due_after"), "due_after", errors);
        List<String> tags = tags(params.get("tags"), errors);
        String q = params.get("q");
        String search = q == null || q.isBlank() ? null : q.strip();
        View view = view(params.get("view"), errors);
        String sortText = params.getOrDefault("sort", "").strip();
        boolean descending = sortText.startsWith("-");
        Sort sort = sort(descending ? sortText.substring(1) : sortText, view, errors);
        if (sortText.isEmpty() && view == View.COMPLETED) {
            descending = true;
        }
        int page = number(params.get("page"), "page", 1, 1, Integer.MAX_VALUE, errors);
        int limit = number(params.get("limit"), "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new TaskQuery(statuses, priorities, dueBefore, dueAfter, tags, search, view, sort, descending,
                page, limit);
    }

    boolean needsToday() {
        return view == View.TODAY || view == View.UPCOMING;
    }

    /** The WHERE clause for {@code userId} and {@code today} (the user's date), filling {@code sqlParams}. */
    String where(Map<String, Object> sqlParams, LocalDate today) {
        List<String> conditions = new ArrayList<>(List.of("user_id = :userId"));
        if (!statuses.isEmpty()) {
            conditions.add("status IN (:statuses)");
            sqlParams.put("statuses", statuses);
        }
        if (!priorities.isEmpty()) {
            conditions.add("priority IN (:priorities)");
            sqlParams.put("priorities", priorities);
        }
        if (dueBefore != null) {
            conditions.add("due_date < :dueBefore");
            sqlParams.put("dueBefore", dueBefore);
        }
        if (dueAfter != null) {
            conditions.add("due_date > :dueAfter");
            sqlParams.put("dueAfter", dueAfter);
        }
        if (!tags.isEmpty()) {
            conditions.add("tags @> CAST(:tags AS text[])");
            sqlParams.put("tags", tags.toArray(String[]::new));
        }
        if (search != null) {
            conditions.add("(title ILIKE :search ESCAPE '\\' OR description ILIKE :search ESCAPE '\\')");
            sqlParams.put("search", "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (view != null) {
            switch (view) {
                case TODAY -> {
                    conditions.add("status <> 'done' AND due_date <= :today");
                    sqlParams.put("today", today);
                }
                case UPCOMING -> {
                    conditions.add("status <> 'done' AND due_date > :today AND due_date <= :weekAhead");
                    sqlParams.put("today", today);
                    sqlParams.put("weekAhead", today.plusDays(7));
                }
                case COMPLETED -> conditions.add("status = 'done'");
            }
        }
        return String.join(" AND ", conditions);
    }

    /** ORDER BY and the page; ties are broken by id so pages never overlap. */
    String orderAndPage(Map<String, Object> sqlParams) {
        sqlParams.put("limit", limit);
        sqlParams.put("offset", (long) (page - 1) * limit);
        String direction = descending ? " DESC" : " ASC";
        return " ORDER BY " + sort.expression + direction + " NULLS LAST, id" + direction
                + " LIMIT :limit OFFSET :offset";
    }

    private static List<String> statuses(String text, Map<String, String> errors) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("all")) {
            return List.of();
        }
        try {
            return List.of(TaskStatus.fromWireName(text).wireName());
        } catch (InvalidTaskException e) {
            errors.put("status", e.getMessage() + ", all");
            return List.of();
        }
    }

    private static List<String> priorities(String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return Arrays.stream(text.split(",")).map(p -> Priority.fromWireName(p).wireName()).distinct().toList();
        } catch (InvalidTaskException e) {
            errors.put("priority", e.getMessage());
            return List.of();
        }
    }

    private static LocalDate date(String text, String name, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(name, "'" + text + "' is not a date like 2026-11-23");
            return null;
        }
    }

    private static List<String> tags(String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return TaskFields.tags(Arrays.asList(text.split(",")));
        } catch (InvalidTaskException e) {
            errors.put("tags", e.getMessage());
            return List.of();
        }
    }

    private static View view(String text, Map<String, String> errors) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("all")) {
            return null;
        }
        for (View view : View.values()) {
            if (view.name().equalsIgnoreCase(text.strip())) {
                return view;
            }
        }
        errors.put("view", "Unknown view '" + text + "': use today, upcoming, completed");
        return null;
    }

    private static Sort sort(String text, View view, Map<String, String> errors) {
        if (text.isEmpty()) {
            return view == null ? Sort.POSITION : view == View.COMPLETED ? Sort.COMPLETED_AT : Sort.DUE_DATE;
        }
        for (Sort sort : Sort.values()) {
            if (sort.wireName().equalsIgnoreCase(text)) {
                return sort;
            }
        }
        errors.put("sort", "Unknown sort '" + text + "': use "
                + String.join(", ", Arrays.stream(Sort.values()).map(Sort::wireName).toList())
                + " (prefix - to reverse)");
        return Sort.POSITION;
    }

    private static int number(String text, String name, int fallback, int min, int max, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put(name, capitalized(name) + " must be a whole number from " + min
                + (max == Integer.MAX_VALUE ? " up" : " to " + max));
        return fallback;
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
