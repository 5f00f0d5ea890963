package dev.todo.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Time from starting {@code ./todo} to its first prompt, against a bare {@code java -version} on the
 * same JDK. The console runs with piped input (as a script would use it), so the figure excludes a
 * person's terminal but includes the launcher script, the JVM and the console's own start.
 */
public final class StartupTime {

    private StartupTime() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        List<String> todo = List.of(root.resolve("todo").toString());
        List<String> version = List.of(java, "-version");
        timeToPrompt(todo);
        timeToExit(version);
        List<Double> console = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            console.add(timeToPrompt(todo));
            bare.add(timeToExit(version));
        }
        print("./todo to first prompt", console);
        print("java -version", bare);
        System.out.printf("Startup: ./todo takes %.2fx a bare java -version (medians)%n", median(console) / median(bare));
    }

    private static double timeToPrompt(List<String> command) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        InputStream out = process.getInputStream();
        StringBuilder seen = new StringBuilder();
        int c;
        while ((c = out.read()) >= 0) {
            seen.append((char) c);
            if (seen.indexOf(Repl.PROMPT) >= 0) {
                break;
            }
        }
        double millis = (System.nanoTime() - start) / 1e6;
        if (seen.indexOf(Repl.PROMPT) < 0) {
            throw new IllegalStateException("no prompt from " + command + ": " + seen);
        }
        process.getOutputStream().close();
        process.waitFor();
        return millis;
    }

    private static double timeToExit(List<String> command) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        process.waitFor();
        return (System.nanoTime() - start) / 1e6;
    }

    private static void print(String what, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("Startup: %-24s min %6.1f ms  median %6.1f ms  max %6.1f ms  (%d runs)%n",
                what, sorted.get(0), median(sorted), sorted.get(sorted.size() - 1), sorted.size());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
