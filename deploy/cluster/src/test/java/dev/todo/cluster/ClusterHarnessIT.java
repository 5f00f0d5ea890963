package dev.todo.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.todo.cluster.ClusterHarness.Kill;
import dev.todo.cluster.ClusterHarness.ReplicaFigures;
import dev.todo.cluster.ClusterHarness.Report;
import dev.todo.cluster.ClusterHarness.Rollout;
import dev.todo.cluster.LoadGenerator.Counts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the whole harness once (a real PostgreSQL, replicas of the real server jar, haproxy, 20 virtual users the
 * whole time) and checks what the clients saw in each scenario.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterHarnessIT {

    private Report report;

    @BeforeAll
    void runTheHarness() throws Exception {
        ClusterHarness.Options options = ClusterHarness.Options.defaults(
                Path.of(System.getProperty("todo.server.jar")), Path.of(System.getProperty("todo.chart")),
                Path.of(System.getProperty("todo.cluster.work")));
        report = ClusterHarness.run(options, System.out);
        System.out.print(Summary.of(report));
    }

    @Test
    void theReplicasRanWithTheChartsConfigMapAndSecret() throws Exception {
        ChartConfiguration chart = ChartConfiguration.render(Path.of(System.getProperty("todo.chart")));
        assertThat(report.settings())
                .containsEntry("TODO_ROLE", chart.configMap().get("TODO_ROLE"))
                .containsEntry("JAVA_TOOL_OPTIONS", chart.configMap().get("JAVA_TOOL_OPTIONS"))
                .containsEntry("TODO_TRUSTED_PROXIES", "127.0.0.1/32")
                .containsEntry("TODO_JWT_SECRET", "***")
                .containsKeys(ReplicaSettings.SECRET_KEYS.toArray(String[]::new));
    }

    @Test
    void scalingToThreeReplicasSpreadsTheTrafficOverAllThreeWithoutAFailure() {
        assertThat(report.startup().failures()).as("failed while the users registered").isZero();
        assertThat(report.scale().duringStart().failures()).as("failed while two replicas started").isZero();
        Counts window = report.scale().window();
        assertThat(window.failures()).isZero();
        assertThat(window.requests()).as("requests in 10 s from 20 users").isGreaterThan(150);
        assertThat(window.servedBy()).containsOnlyKeys("v1-0-a", "v1-0-b", "v1-0-c");
        for (String slot : window.servedBy().keySet()) {
            assertThat(window.share(slot)).as("share of " + slot).isGreaterThan(0.10);
        }
    }

    @Test
    void aKilledReplicaIsTakenOutByReadinessAndOnlyRequestsSentToItBeforeThatFail() {
        Kill kill = report.kill();
        assertThat(kill.exitCode()).as("exit code of SIGKILL").isEqualTo(137);
        assertThat(kill.timeToDown()).isLessThan(Duration.ofMillis(2500));
        assertThat(kill.failedBeforeDown()).isLessThanOrEqualTo(report.users());
        assertThat(kill.failedAfterDown()).isZero();
        assertThat(kill.afterDown().failures()).isZero();
        assertThat(kill.afterDown().servedBy()).containsOnlyKeys("v1-0-a", "v1-0-b");
        assertThat(kill.failures()).allSatisfy(failure -> assertThat(failure.slot()).isIn("v1-0-c", "-"));
    }

    @Test
    void rollingFromOneDotZeroToOneDotOneFailsNoRequest() {
        Rollout rollout = report.rollout();
        assertThat(rollout.during().failures()).isZero();
        assertThat(rollout.after().failures()).isZero();
        assertThat(rollout.steps()).hasSize(2);
        assertThat(rollout.after().servedBy()).containsOnlyKeys("v1-1-a", "v1-1-b");
        assertStoppedGracefully(rollout);
    }

    @Test
    void rollingBackToOneDotZeroFailsNoRequestAndEndsWithAllTrafficOnOneDotZero() {
        Rollout rollback = report.rollback();
        assertThat(rollback.during().failures()).isZero();
        assertThat(rollback.after().failures()).isZero();
        assertThat(rollback.after().requests()).isGreaterThan(30);
        assertThat(rollback.after().servedBy()).containsOnlyKeys("v1-0-a", "v1-0-b");
        assertStoppedGracefully(rollback);
    }

    @Test
    void theOnlyFailedRequestsOfTheRunAreThoseOfTheKilledReplicaAndEveryOtherStoppedGracefully() {
        assertThat(report.total().failures()).isEqualTo(report.kill().failures().size());
        List<ReplicaFigures> replicas = report.replicas();
        assertThat(replicas).hasSize(7);
        assertThat(replicas).allSatisfy(replica -> assertThat(replica.timeToReady()).isNotNull());
        assertThat(replicas.stream().filter(replica -> !replica.ending().equals("SIGKILL")))
                .hasSize(6)
                .allSatisfy(replica -> {
                    assertThat(replica.ending()).isEqualTo("SIGTERM");
                    assertThat(replica.exitCode()).as("exit code after SIGTERM").isEqualTo(143);
                    assertThat(replica.gracefulShutdown()).as(replica.slot() + " logged its graceful shutdown").isTrue();
                });
    }

    private static void assertStoppedGracefully(Rollout rollout) {
        assertThat(rollout.steps()).allSatisfy(step -> {
            assertThat(step.started().release()).isEqualTo(rollout.to());
            assertThat(step.stopped().release()).isEqualTo(rollout.from());
            assertThat(step.stopped().drainTime()).isNotNull();
            assertThat(step.stopped().exitCode()).isEqualTo(143);
            assertThat(step.stopped().gracefulShutdown()).isTrue();
        });
    }
}
