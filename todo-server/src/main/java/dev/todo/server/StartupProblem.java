package dev.todo.server;

/**
 * A setting the server cannot start with, said in one sentence that names the setting and what to do; shown by
 * {@link StartupProblemAnalyzer} as the whole start-up failure, without a stack trace to dig through.
 */
public class StartupProblem extends RuntimeException {

    public StartupProblem(String sentence) {
        super(sentence);
    }

    public StartupProblem(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
