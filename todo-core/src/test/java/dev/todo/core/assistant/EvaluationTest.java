package dev.todo.core.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression guards on the engine's accuracy, measured like {@code ./todo eval}. */
class EvaluationTest {

    @Test
    void devSetAccuracy() throws Exception {
        Evaluation.Result result = Evaluation.run(Evaluation.resource("dev-set.jsonl"));
        assertThat(result.outcomes()).hasSizeGreaterThanOrEqualTo(350);
        assertThat(result.intentAccuracy()).isGreaterThanOrEqualTo(0.95);
        assertThat(result.entityAccuracy()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void heldOutSetsAccuracy() throws Exception {
        Evaluation.Result first = Evaluation.run(Evaluation.resource("holdout-set.jsonl"));
        assertThat(first.outcomes()).hasSizeGreaterThanOrEqualTo(100);
        for (String set : java.util.List.of("holdout-set.jsonl", "holdout2-set.jsonl", "holdout3-set.jsonl",
                "holdout4-set.jsonl", "holdout5-set.jsonl", "holdout6-set.jsonl", "holdout7-set.jsonl", "holdout8-set.jsonl",
                "holdout9-set.jsonl", "holdout10-set.jsonl", "holdout11-set.jsonl")) {
            Evaluation.Result result = Evaluation.run(Evaluation.resource(set));
            assertThat(result.intentAccuracy()).as(set).isGreaterThanOrEqualTo(0.95);
            assertThat(result.entityAccuracy()).as(set).isGreaterThanOrEqualTo(0.90);
        }
    }

    @Test
    void printsTheTableAndTheMisses(@TempDir Path dir) throws Exception {
        Path set = dir.resolve("set.jsonl");
        Files.writeString(set, """
                {"today": "2026-11-18"}
                {"message": "remind me to buy milk tomorrow", "intent": "create", "title": "Buy milk", "due_date": "2026-11-19", "tags": ["errands"]}
                {"message": "delete pay rent", "intent": "delete", "task_id": 6}
                {"message": "what's overdue?", "intent": "list", "priority": null}
                {"message": "what's due tomorrow?", "intent": "list", "due_date": "2026-11-19"}
                {"message": "what's on my plate today?", "intent": "list", "due_date": "2026-11-18"}
                {"message": "hello", "intent": "help"}
                {"message": "buy milk", "intent": "create", "title": "Buy cheese", "priority": "high", "tags": []}

                """);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            Evaluation.main(new String[] {set.toString()});
        } finally {
            System.setOut(out);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("create           2        2    100.0%").contains("help             1        0      0.0%")
                .contains("list             3        3    100.0%").contains("ALL              7        6     85.7%").contains("Misses: 2")
                .contains("\"hello\": intent chat (expected help)")
                .contains("\"buy milk\": title Buy milk (expected Buy cheese) priority null (expected high)");
    }

    @Test
    void comparesEntitiesLeniently() {
        assertThat(Evaluation.same("title", "Buy milk!", "buy milk")).isTrue();
        assertThat(Evaluation.same("tags", java.util.List.of("a", "b"), java.util.List.of("B", "a"))).isTrue();
        assertThat(Evaluation.same("tags", java.util.List.of(), null)).isTrue();
        assertThat(Evaluation.same("due_date", null, "2026-11-19")).isFalse();
    }
}
