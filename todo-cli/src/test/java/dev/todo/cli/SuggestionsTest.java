package dev.todo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> COMMANDS = CommandSpec.names();

    @Test
    void typosFindTheCommand() {
        assertThat(Suggestions.closest("lsit", COMMANDS)).contains("list");
        assertThat(Suggestions.closest("dlete", COMMANDS)).contains("delete");
        assertThat(Suggestions.closest("edti", COMMANDS)).contains("edit");
        assertThat(Suggestions.closest("ad", COMMANDS)).contains("add");
    }

    @Test
    void aUniquePrefixFindsTheCommand() {
        assertThat(Suggestions.closest("res", COMMANDS)).contains("restore");
        assertThat(Suggestions.closest("imp", COMMANDS)).contains("import");
    }

    @Test
    void unrelatedWordsFindNothing() {
        assertThat(Suggestions.closest("banana", COMMANDS)).isEmpty();
        assertThat(Suggestions.closest("", List.of("x", "y"))).isEmpty();
    }

    @Test
    void distanceCountsEditsAndSwaps() {
        assertThat(Suggestions.distance("list", "list")).isZero();
        assertThat(Suggestions.distance("lsit", "list")).isEqualTo(1);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    }
}
