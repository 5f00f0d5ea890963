package dev.todo.cluster;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.todo.cluster.LoadGenerator.Counts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CountsTest {

    @Test
    void aWindowHoldsOnlyWhatHappenedInItAndDropsSlotsThatServedNothingInIt() {
        Counts before = new Counts(100, 2, Map.of("v1-0-a", 90L, "-", 10L));
        Counts after = new Counts(160, 2, Map.of("v1-0-a", 120L, "v1-0-b", 30L, "-", 10L));

        Counts window = after.minus(before);

        assertThat(window.requests()).isEqualTo(60);
        assertThat(window.failures()).isZero();
        assertThat(window.servedBy()).containsOnly(Map.entry("v1-0-a", 30L), Map.entry("v1-0-b", 30L));
        assertThat(window.share("v1-0-b")).isCloseTo(0.5, within(1e-9));
        assertThat(window.share("v1-1-a")).isZero();
        assertThat(new Counts(0, 0, Map.of()).share("v1-0-a")).isZero();
    }
}
