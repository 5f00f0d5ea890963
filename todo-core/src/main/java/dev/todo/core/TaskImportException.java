package dev.todo.core;

import java.util.List;
import java.util.stream.Collectors;

/** An import file had problems; none of its tasks were imported. */
public final class TaskImportException extends RuntimeException {

    private final List<ImportProblem> problems;

    public TaskImportException(List<ImportProblem> problems) {
        super(problems.stream().map(ImportProblem::describe).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
