package dev.todo.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskFieldsTest {

    @Test
    void titleIsTrimmed() {
        assertThat(TaskFields.title("  Buy groceries \t")).isEqualTo("Buy groceries");
    }

    @Test
    void blankOrMissingTitleIsRefused() {
        for (String title : Arrays.asList(null, "", "   ")) {
            assertThatThrownBy(() -> TaskFields.title(title))
                    .isInstanceOf(InvalidTaskException.class)
                    .hasMessage("Title is required")
                    .extracting(e -> ((InvalidTaskException) e).field()).isEqualTo("title");
        }
    }

    @Test
    void titleMayHave200CharactersButNot201() {
        assertThat(TaskFields.title("a".repeat(200))).hasSize(200);
        assertThatThrownBy(() -> TaskFields.title("a".repeat(201)))
                .hasMessage("Title must be at most 200 characters (it has 201)");
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDED2";
        assertThat(TaskFields.title(emoji.repeat(200))).hasSize(400);
        assertThatThrownBy(() -> TaskFields.title(emoji.repeat(201))).hasMessageContaining("(it has 201)");
    }

    @Test
    void blankDescriptionMeansNone() {
        assertThat(TaskFields.description(null)).isNull();
        assertThat(TaskFields.description("  ")).isNull();
        assertThat(TaskFields.description(" Milk, eggs ")).isEqualTo("Milk, eggs");
    }

    @Test
    void descriptionMayHave1000CharactersButNot1001() {
        assertThat(TaskFields.description("d".repeat(1000))).hasSize(1000);
        assertThatThrownBy(() -> TaskFields.description("d".repeat(1001)))
                .isInstanceOf(InvalidTaskException.class)
                .hasMessage("Description must be at most 1000 characters (it has 1001)")
                .extracting(e -> ((InvalidTaskException) e).field()).isEqualTo("description");
    }

    @Test
    void tagsAreLowerCasedDeduplicatedAndStrippedOfHash() {
        assertThat(TaskFields.tags(List.of("Work", "#work", " errands ", "code-review", "q4_plans")))
                .containsExactly("work", "errands", "code-review", "q4_plans");
        assertThat(TaskFields.tags(null)).isEmpty();
        assertThat(TaskFields.tags(List.of())).isEmpty();
    }

    @Test
    void badTagsAreRefused() {
        assertThatThrownBy(() -> TaskFields.tags(Arrays.asList("ok", null))).hasMessage("Tags cannot be empty");
        assertThatThrownBy(() -> TaskFields.tags(List.of("#"))).hasMessage("Tags cannot be empty");
        assertThatThrownBy(() -> TaskFields.tags(List.of("two words")))
                .hasMessage("Tag 'two words' may only contain letters, digits, '-' and '_'");
        assertThatThrownBy(() -> TaskFields.tags(List.of("-dash")))
                .hasMessageContaining("may only contain");
        assertThatThrownBy(() -> TaskFields.tags(List.of("t".repeat(31))))
                .hasMessage("Tag '" + "t".repeat(31) + "' is longer than 30 characters");
        assertThatThrownBy(() -> TaskFields.tags(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k")))
                .hasMessage("A task can have at most 10 tags");
        assertThat(TaskFields.tags(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "J"))).hasSize(10);
    }

    @Test
    void statusAndPriorityParseTheirWireNames() {
        assertThat(TaskStatus.fromWireName(" In_Progress ")).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(TaskStatus.DONE.wireName()).isEqualTo("done");
        assertThatThrownBy(() -> TaskStatus.fromWireName("finished"))
                .hasMessage("Unknown status 'finished': use pending, in_progress, done");
        assertThatThrownBy(() -> TaskStatus.fromWireName(null)).hasMessageContaining("Unknown status 'null'");
        assertThat(Priority.fromWireName("HIGH")).isEqualTo(Priority.HIGH);
        assertThat(Priority.LOW.wireName()).isEqualTo("low");
        assertThatThrownBy(() -> Priority.fromWireName("urgent"))
                .hasMessage("Unknown priority 'urgent': use low, medium, high");
        assertThatThrownBy(() -> Priority.fromWireName(null)).isInstanceOf(InvalidTaskException.class);
    }
}
