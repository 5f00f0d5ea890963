package dev.todo.server.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PositionsTest {

    @Test
    void theFirstTaskGetsOneStep() {
        assertThat(Positions.between(null, null)).hasValue(Positions.STEP);
    }

    @Test
    void theEndsExtendByOneStep() {
        assertThat(Positions.between(null, 10.0)).hasValue(10.0 - Positions.STEP);
        assertThat(Positions.between(10.0, null)).hasValue(10.0 + Positions.STEP);
    }

    @Test
    void betweenTwoNeighboursIsTheMidpoint() {
        assertThat(Positions.between(1024.0, 2048.0)).hasValue(1536.0);
    }

    @Test
    void adjacentDoublesLeaveNoRoom() {
        assertThat(Positions.between(1.0, Math.nextUp(1.0))).isEmpty();
        assertThat(Positions.between(5.0, 5.0)).isEmpty();
    }
}
