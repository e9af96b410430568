package chat.client.session;

import chat.protocol.IrcNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The windows, as irssi and WeeChat users know them: one per room and per private conversation,
 * numbered from 1 in the order they opened, each with the activity waiting in it. Immutable and
 * pure, so {@link ClientState} can carry it and every rule is tested without a terminal. Names
 * compare case-folded ({@link IrcNames#fold}); each keeps the spelling it was opened with.
 */
public record Windows(List<Window> list) {

    /**
     * One window: its name, how many messages arrived in it unseen, and whether one of them was
     * for me (private, or my nick mentioned), which the status line marks with "!".
     */
    public record Window(String name, int unread, boolean forMe) {
        public boolean is(String other) {
            return other != null && IrcNames.equalsFolded(name, other);
        }

        Window seen() {
            return new Window(name, 0, false);
        }
    }

    public Windows {
        list = List.copyOf(list);
    }

    public static Windows none() {
        return new Windows(List.of());
    }

    /** The window's number (1-based), or 0 when there is none by that name. */
    public int number(String name) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).is(name)) {
                return i + 1;
            }
        }
        return 0;
    }

    public boolean has(String name) {
        return number(name) > 0;
    }

    /** The name of window {@code number}, if there is one. */
    public Optional<String> at(int number) {
        return number >= 1 && number <= list.size() ? Optional.of(list.get(number - 1).name()) : Optional.empty();
    }

    /**
     * The window {@code step} places from {@code current} (-1 left, +1 right), wrapping around at
     * the ends; the first window when current has none; empty when there are no windows.
     */
    public Optional<String> neighbour(String current, int step) {
        if (list.isEmpty()) {
            return Optional.empty();
        }
        int from = number(current) - 1;
        if (from < 0) {
            return Optional.of(list.get(0).name());
        }
        int size = list.size();
        return Optional.of(list.get(Math.floorMod(from + step, size)).name());
    }

    /** With a window for this name at the end (unchanged when it has one). */
    public Windows opened(String name) {
        if (name == null || has(name)) {
            return this;
        }
        List<Window> more = new ArrayList<>(list);
        more.add(new Window(name, 0, false));
        return new Windows(more);
    }

    /** Without this window; the others keep their order (and so move up a number, as in irssi). */
    public Windows closed(String name) {
        List<Window> fewer = new ArrayList<>(list);
        fewer.removeIf(w -> w.is(name));
        return fewer.size() == list.size() ? this : new Windows(fewer);
    }

    /**
     * The window to show once {@code closing} is gone: the one before it, else the one after it,
     * else none (the window it replaces is where the eye already is).
     */
    public Optional<String> afterClosing(String closing) {
        int number = number(closing);
        if (number == 0) {
            return Optional.empty();
        }
        if (number > 1) {
            return Optional.of(list.get(number - 2).name());
        }
        return list.size() > 1 ? Optional.of(list.get(1).name()) : Optional.empty();
    }

    /**
     * A person's window follows their new nick, in place, with its activity. When a window for the
     * new nick exists already, the two become one (in the earlier place).
     */
    public Windows renamed(String oldName, String newName) {
        int number = number(oldName);
        if (number == 0 || newName == null || IrcNames.equalsFolded(oldName, newName) && oldName.equals(newName)) {
            return this;
        }
        Window old = list.get(number - 1);
        List<Window> now = new ArrayList<>(list);
        int existing = number(newName);
        if (existing > 0 && existing != number) {
            Window other = list.get(existing - 1);
            Window merged = new Window(other.name(), other.unread() + old.unread(), other.forMe() || old.forMe());
            now.set(existing - 1, merged);
            now.remove(number - 1);
        } else {
            now.set(number - 1, new Window(newName, old.unread(), old.forMe()));
        }
        return new Windows(now);
    }

    /** Activity: a message arrived in this window while another was shown (opens it when new). */
    public Windows active(String name, boolean forMe) {
        Windows open = opened(name);
        List<Window> now = new ArrayList<>(open.list);
        int at = open.number(name) - 1;
        Window w = now.get(at);
        now.set(at, new Window(w.name(), w.unread() + 1, w.forMe() || forMe));
        return new Windows(now);
    }

    /** The window is shown: whatever waited in it is read. */
    public Windows seen(String name) {
        int number = number(name);
        if (number == 0 || list.get(number - 1).unread() == 0 && !list.get(number - 1).forMe()) {
            return this;
        }
        List<Window> now = new ArrayList<>(list);
        now.set(number - 1, now.get(number - 1).seen());
        return new Windows(now);
    }

    /** The windows with something unseen, in window order. */
    public List<Window> withActivity() {
        return list.stream().filter(w -> w.unread() > 0 || w.forMe()).toList();
    }
}
