package dev.todo.cli;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per console command with 10,000 tasks in the list (NFR-1.1 asks under 100 ms). Each benchmark
 * runs a whole typed line through the session: parsing, the rule, and the text to print. Commands that
 * change the list alternate with their opposite so it stays at 10,000 tasks.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CommandBenchmark {

    static final int TASKS = 10_000;

    private Session session;
    private boolean flip;
    private long lastAdded = TASKS;

    @Setup
    public void fillTheList() {
        session = new Session(TaskLists.filled(TASKS, Clock.systemUTC()), Style.PLAIN, ZoneOffset.UTC, 100);
    }

    @Benchmark
    public String listAll() {
        return session.execute("list").text();
    }

    @Benchmark
    public String listDone() {
        return session.execute("list --status done").text();
    }

    @Benchmark
    public String show() {
        return session.execute("show 5000").text();
    }

    @Benchmark
    public String doneThenUndo() {
        flip = !flip;
        return session.execute(flip ? "done 5001" : "undo 5001").text();
    }

    @Benchmark
    public String edit() {
        flip = !flip;
        return session.execute(flip ? "edit 5002 --title 'Renamed task' --desc 'New words'"
                : "edit 5002 --title 'Task 5002' --desc ''").text();
    }

    @Benchmark
    public String addThenDelete() {
        flip = !flip;
        if (flip) {
            lastAdded++;
            return session.execute("add 'One more thing' --desc 'Added by the benchmark'").text();
        }
        return session.execute("delete " + lastAdded).text();
    }
}
