package dev.todo.cli;

import java.time.Clock;
import org.openjdk.jol.info.GraphLayout;

/**
 * Heap retained by the console's task list holding 10,000 tasks (NFR-1.2 asks under 50 MB). Counts
 * every object reachable from the list with JOL, and cross-checks with the heap in use before and after.
 */
public final class MemoryFootprint {

    private MemoryFootprint() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long before = usedHeapAfterGc();
        TaskList tasks = TaskLists.filled(count, Clock.systemUTC());
        long after = usedHeapAfterGc();
        GraphLayout layout = GraphLayout.parseInstance(tasks);
        System.out.printf("Memory: %,d tasks retain %.2f MB (%,d bytes, %,d objects, %.0f bytes per task)%n",
                tasks.size(), layout.totalSize() / 1e6, layout.totalSize(), layout.totalCount(),
                (double) layout.totalSize() / tasks.size());
        System.out.printf("Memory: heap in use grew by %.2f MB while filling the list (after GC)%n",
                (after - before) / 1e6);
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
