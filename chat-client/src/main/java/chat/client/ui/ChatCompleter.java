package chat.client.ui;

import chat.client.session.ClientState;
import chat.client.session.InputInterpreter;
import chat.client.session.RoomDirectory;
import chat.client.session.StateCell;

import chat.protocol.IrcNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion from the current snapshot, by prefix only (case-folded): commands at the start of a
 * line, rooms (joined ones, then those seen in LIST replies) for words starting with '#', otherwise
 * nicks: the current room's people first, then the others of my rooms and private windows.
 */
public final class ChatCompleter implements Completer {
    private final StateCell state;
    private final RoomDirectory directory;

    public ChatCompleter(StateCell state, RoomDirectory directory) {
        this.state = state;
        this.directory = directory;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = words(line.wordIndex(), line.word(), line.words(), state.get(), directory.known());
        for (int i = 0; i < words.size(); i++) {
            // sort keeps this order in JLine's list (the current room's people first); complete = add a space
            candidates.add(new Candidate(words.get(i), words.get(i), null, null, null, null, true, i));
        }
    }

    /** The completions for the word at this index, in the order offered; pure, for tests. */
    public static List<String> words(int wordIndex, String word, List<String> words, ClientState now,
            Collection<String> listedRooms) {
        String prefix = IrcNames.fold(word);
        Map<String, String> found = new LinkedHashMap<>(); // folded -> as spelled, first kept
        if (wordIndex == 0 && word.startsWith("/")) {
            addSorted(found, InputInterpreter.COMMANDS);
        } else if (word.startsWith("#")) {
            addSorted(found, now.rooms());
            addSorted(found, listedRooms);
        } else {
            if (now.target() != null) {
                addSorted(found, now.membersOf(now.target()));
            }
            List<String> others = new ArrayList<>();
            now.rooms().forEach(room -> others.addAll(now.membersOf(room)));
            now.windows().list().stream().map(w -> w.name()).filter(name -> !IrcNames.isRoomName(name)).forEach(others::add);
            addSorted(found, others);
            found.remove(IrcNames.fold(now.nick() == null ? "" : now.nick()));
        }
        return found.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue).toList();
    }

    private static void addSorted(Map<String, String> into, Collection<String> names) {
        Set<String> sorted = new TreeSet<>(java.util.Comparator.comparing(IrcNames::fold));
        sorted.addAll(names);
        sorted.forEach(name -> into.putIfAbsent(IrcNames.fold(name), name));
    }
}
