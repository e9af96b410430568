package chat.client.ui;

import chat.client.session.ClientState;
import chat.client.session.InputInterpreter;
import chat.client.session.StateCell;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion from the current snapshot: commands at the start of a line, room names for words
 * starting with '#', otherwise the people in the current room (everyone known after /msg, /query, /go).
 */
public final class ChatCompleter implements Completer {
    private static final Set<String> COMMANDS_TAKING_A_NICK = Set.of("/msg", "/query", "/q", "/go");

    private final StateCell state;

    public ChatCompleter(StateCell state) {
        this.state = state;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        for (String word : words(line.wordIndex(), line.word(), line.words(), state.get())) {
            candidates.add(new Candidate(word));
        }
    }

    /** The completions for the word at this index; pure, for tests. */
    public static Set<String> words(int wordIndex, String word, List<String> words, ClientState now) {
        Set<String> found = new TreeSet<>();
        if (wordIndex == 0 && word.startsWith("/")) {
            found.addAll(InputInterpreter.COMMANDS);
            return found;
        }
        if (word.startsWith("#")) {
            found.addAll(now.rooms());
            return found;
        }
        boolean anyone = wordIndex == 1 && COMMANDS_TAKING_A_NICK.contains(words.get(0));
        if (anyone) {
            now.rooms().forEach(room -> found.addAll(now.membersOf(room)));
            found.addAll(now.rooms());
        } else if (now.target() != null) {
            found.addAll(now.membersOf(now.target()));
        }
        found.removeIf(now::isMe);
        return found;
    }
}
