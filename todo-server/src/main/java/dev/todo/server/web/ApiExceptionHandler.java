package dev.todo.server.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.todo.core.ImportProblem;
import dev.todo.core.InvalidTaskException;
import dev.todo.core.TaskImportException;

/**
 * Every error leaves the API as RFC 9457 problem details with a sentence a person can act on. The task
 * rules of todo-core throw their own exceptions; they are translated here, once.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(InvalidTaskException.class)
    ProblemDetail invalidTask(InvalidTaskException e) {
        return new InvalidRequestException(e.field(), e.getMessage()).getBody();
    }

    @ExceptionHandler(TaskImportException.class)
    ProblemDetail invalidImport(TaskImportException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Nothing was imported: " + e.problems().size() + " problem(s) in the file. " + e.getMessage());
        problem.setTitle("Invalid import file");
        List<Map<String, Object>> problems = e.problems().stream().map(ApiExceptionHandler::describe).toList();
        problem.setProperty("problems", problems);
        // The same as field -> message, like every validation error: "[2].title" is the title of the third task.
        Map<String, String> errors = new LinkedHashMap<>();
        e.problems().forEach(p -> errors.merge(p.field().equals("file") ? "file" : "[" + p.index() + "]." + p.field(),
                p.message(), (first, second) -> first + "; " + second));
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return new InvalidRequestException(e.getName(),
                "'" + e.getValue() + "' is not a valid " + e.getName()).getBody();
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not valid JSON of the expected shape");
        problem.setTitle("Unreadable request body");
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    private static Map<String, Object> describe(ImportProblem p) {
        return Map.of("index", p.index(), "field", p.field(), "message", p.message(), "description", p.describe());
    }
}
