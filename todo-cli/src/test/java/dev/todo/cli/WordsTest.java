package dev.todo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.cli.Words.Word;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordsTest {

    private static List<String> texts(String line) {
        return Words.split(line).stream().map(Word::text).toList();
    }

    @Test
    void spacesSeparateWords() {
        assertThat(texts("  add   Buy\tgroceries ")).containsExactly("add", "Buy", "groceries");
        assertThat(texts("")).isEmpty();
    }

    @Test
    void singleQuotesKeepTextAsItIs() {
        assertThat(texts("add x --desc 'Milk, eggs, \"bread\" \\n'"))
                .containsExactly("add", "x", "--desc", "Milk, eggs, \"bread\" \\n");
    }

    @Test
    void doubleQuotesAllowEscapedQuotesAndBackslashes() {
        assertThat(texts("add \"Say \\\"hi\\\" to C:\\\\temp and \\n\"")).containsExactly("add", "Say \"hi\" to C:\\temp and \\n");
        assertThat(texts("add \"it's fine\"")).containsExactly("add", "it's fine");
    }

    @Test
    void backslashEscapesOutsideQuotes() {
        assertThat(texts("add it\\'s\\ here")).containsExactly("add", "it's here");
        assertThat(texts("add trailing\\")).containsExactly("add", "trailing\\");
    }

    @Test
    void adjacentPartsJoinIntoOneWord() {
        List<Word> words = Words.split("--desc='Milk and eggs' ''");
        assertThat(words).containsExactly(new Word("--desc=Milk and eggs", true, true), new Word("", true, false));
    }

    @Test
    void quotedDashIsNotAnOption() {
        assertThat(Words.split("'--desc'").get(0).optionLike()).isFalse();
        assertThat(Words.split("--desc").get(0)).isEqualTo(new Word("--desc", false, true));
    }

    @Test
    void unterminatedQuotesAreReported() {
        assertThatThrownBy(() -> Words.split("add 'Buy milk")).hasMessage("Missing closing ' quote");
        assertThatThrownBy(() -> Words.split("add \"Buy milk\\\"")).hasMessage("Missing closing \" quote");
    }
}
