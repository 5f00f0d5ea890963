package dev.todo.server.task;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No task with this id belongs to the caller: another user's task is not found either, never forbidden. */
public class TaskNotFoundException extends ErrorResponseException {

    public TaskNotFoundException() {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Task not found"), null);
    }
}
