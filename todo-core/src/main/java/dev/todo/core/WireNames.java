package dev.todo.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The lower-case names enum values go by on the wire and on screen ({@code in_progress}, {@code high}). */
final class WireNames {

    private WireNames() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The value whose wire name is {@code text}, ignoring case and surrounding spaces. */
    static <E extends Enum<E>> E parse(E[] values, String text, String field) {
        String name = text == null ? "" : text.strip();
        for (E value : values) {
            if (of(value).equalsIgnoreCase(name)) {
                return value;
            }
        }
        throw new InvalidTaskException(field, "Unknown " + field + " '" + text + "': use "
                + Arrays.stream(values).map(WireNames::of).collect(Collectors.joining(", ")));
    }
}
