package dev.todo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void coloursOnlyWithoutNoColorAndOnARealTerminal() {
        assertThat(Main.colorWanted(null, "xterm-256color")).isTrue();
        assertThat(Main.colorWanted("", "xterm")).isTrue();
        assertThat(Main.colorWanted("1", "xterm")).isFalse();
        assertThat(Main.colorWanted(null, "dumb")).isFalse();
    }
}
