package dev.todo.cluster;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.todo.cluster.ClusterHarness.ReplicaFigures;
import dev.todo.cluster.ClusterHarness.Report;
import dev.todo.cluster.ClusterHarness.Rollout;
import dev.todo.cluster.LoadGenerator.Counts;

/** The report as the table the harness prints at the end. */
final class Summary {

    private Summary() {
    }

    static String of(Report report) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%d virtual users, 1 request a second each, through haproxy "
                + "(readiness GET /ready every 500 ms, timeout 3 s, fall 2, rise 1; no retries); %s in all%n%n",
                report.users(), ClusterHarness.seconds(report.took())));
        text.append(String.format(Locale.ROOT, "%-34s %8s %6s  %s%n", "phase", "requests", "failed", "served by"));
        row(text, "users register, 1 replica", report.startup());
        row(text, "scale 1 -> 3: while 2 start", report.scale().duringStart());
        row(text, "scale 1 -> 3: next 10 s", report.scale().window());
        ClusterHarness.Kill kill = report.kill();
        row(text, "SIGKILL " + kill.slot() + ": kill to DOWN + 3 s", kill.sinceKill());
        row(text, "SIGKILL " + kill.slot() + ": 3 s after DOWN", kill.afterDown());
        rollout(text, report.rollout());
        rollout(text, report.rollback());
        row(text, "whole run", report.total());
        text.append(String.format(Locale.ROOT, "%nSIGKILL %s: exit %d, haproxy marked it DOWN %d ms after the kill; "
                + "failed requests: %d until DOWN, %d after%n", kill.slot(), kill.exitCode(),
                kill.timeToDown().toMillis(), kill.failedBeforeDown(), kill.failedAfterDown()));
        text.append(String.format(Locale.ROOT, "failed requests of the whole run: %d (on -: no answer at all, the connection closed)%n",
                report.failures().size()));
        for (LoadGenerator.Failure failure : report.failures()) {
            text.append(String.format(Locale.ROOT, "  failed at %6.1f s on %s: %s%n",
                    (failure.at() - report.startedAt()) / 1e9, failure.slot(), failure.what()));
        }
        text.append(String.format(Locale.ROOT, "%n%-8s %-7s %9s %10s %-8s %10s %4s  %s%n", "replica", "release",
                "ready in", "drained in", "ended by", "stopped in", "exit", "graceful shutdown logged"));
        for (ReplicaFigures replica : report.replicas()) {
            text.append(String.format(Locale.ROOT, "%-8s %-7s %9s %10s %-8s %10s %4s  %s%n", replica.slot(),
                    replica.release(), ClusterHarness.seconds(replica.timeToReady()),
                    ClusterHarness.millis(replica.drainTime()), replica.ending(),
                    ClusterHarness.seconds(replica.stopTime()),
                    replica.exitCode() == null ? "-" : replica.exitCode(), replica.gracefulShutdown() ? "yes" : "-"));
        }
        return text.toString();
    }

    private static void rollout(StringBuilder text, Rollout rollout) {
        row(text, "rollout " + rollout.from() + " -> " + rollout.to() + " (" + ClusterHarness.seconds(rollout.took())
                + ")", rollout.during());
        row(text, "  then 3 s on " + rollout.to(), rollout.after());
    }

    private static void row(StringBuilder text, String phase, Counts counts) {
        text.append(String.format(Locale.ROOT, "%-34s %8d %6d  %s%n", phase, counts.requests(), counts.failures(),
                shares(counts)));
    }

    static String shares(Counts counts) {
        return counts.servedBy().entrySet().stream()
                .map((Map.Entry<String, Long> entry) -> String.format(Locale.ROOT, "%s %.0f%%", entry.getKey(),
                        100 * counts.share(entry.getKey())))
                .collect(Collectors.joining(", "));
    }
}
