package chat.server.cluster;

import chat.protocol.IrcMessage;
import chat.protocol.IrcNames;
import chat.server.model.Room;
import chat.server.model.RoomModes;
import chat.server.model.ServerState;
import chat.server.model.User;
import java.util.List;

/**
 * A MODE line another node's room operator made, applied here: the line lists only what took
 * effect there ({@code ModeCommands}), so each letter is applied as it says, without checks.
 */
final class RemoteModes {
    private RemoteModes() {
    }

    // MODE <room> <changes> [<params>...]
    static void apply(ServerState state, Room room, IrcMessage line, long nowEpochSeconds) {
        if (line.paramCount() < 2) {
            return;
        }
        String letters = line.param(1);
        int next = 2;
        boolean adding = true;
        RoomModes modes = room.modes();
        for (char c : letters.toCharArray()) {
            switch (c) {
                case '+' -> adding = true;
                case '-' -> adding = false;
                case 'i', 'm', 'n', 's', 't' -> modes.setFlag(c, adding);
                case 'k' -> {
                    String key = line.param(next++);
                    modes.key(adding ? key : null);
                }
                case 'l' -> {
                    if (adding) {
                        modes.limit(parse(line.param(next++)));
                    } else {
                        modes.limit(0);
                    }
                }
                case 'o', 'v' -> {
                    User member = state.nicks().find(String.valueOf(line.param(next++)));
                    if (member != null) {
                        room.setFlag(member, c == 'o' ? Room.OPERATOR : Room.VOICE, adding);
                    }
                }
                case 'b', 'e', 'I' -> {
                    String mask = line.param(next++);
                    if (mask == null) {
                        return;
                    }
                    List<RoomModes.Entry> list = modes.list(c);
                    list.removeIf(e -> IrcNames.equalsFolded(e.mask(), mask));
                    if (adding) {
                        list.add(new RoomModes.Entry(mask, line.prefix(), nowEpochSeconds));
                    }
                }
                default -> {
                    return; // a letter this node does not know: the rest cannot be lined up with its params
                }
            }
        }
    }

    private static int parse(String text) {
        try {
            return text == null ? 0 : Math.max(0, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
