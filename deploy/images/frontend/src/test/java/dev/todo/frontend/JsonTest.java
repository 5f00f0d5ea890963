package dev.todo.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsEveryKindOfValue() {
        assertThat(Json.parse(" {\"a\": [1, -2.5e1, true, false, null, \"x\\\"y\\n\\t\\r\\b\\f\\/\"], \"b\": {}, \"c\": []} "))
                .isEqualTo(Map.of("a", java.util.Arrays.asList(1.0, -25.0, true, false, null, "x\"y\n\t\r\b\f/"),
                        "b", Map.of(), "c", List.of()));
    }

    @Test
    void refusesWhatIsNotJson() {
        for (String bad : List.of("", "{", "{\"a\" 1}", "{a: 1}", "[1 2]", "\"open", "\"bad \\u12\"", "tru", "1 2", "{\"a\":1,}",
                "\"x\\")) {
            assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
