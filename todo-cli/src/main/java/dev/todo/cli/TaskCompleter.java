package dev.todo.cli;

import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** Tab completion: command names first, then the options of the command, then an option's values. */
final class TaskCompleter implements Completer {

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        if (line.wordIndex() == 0) {
            CommandSpec.names().forEach(name -> candidates.add(new Candidate(name)));
            return;
        }
        CommandSpec spec = CommandSpec.named(words.get(0)).orElse(null);
        if (spec == null) {
            return;
        }
        String previous = words.get(line.wordIndex() - 1);
        Option valueOf = spec.option(previous).orElse(null);
        if (valueOf != null && !valueOf.values.isEmpty()) {
            valueOf.values.forEach(value -> candidates.add(new Candidate(value)));
            return;
        }
        if (spec == CommandSpec.HELP) {
            CommandSpec.names().forEach(name -> candidates.add(new Candidate(name)));
            return;
        }
        for (Option option : spec.options) {
            if (!words.contains(option.longName) && !words.contains(option.shortName)) {
                candidates.add(new Candidate(option.longName));
            }
        }
    }
}
