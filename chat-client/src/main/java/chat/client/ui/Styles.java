package chat.client.ui;

import chat.protocol.IrcNames;
import org.jline.utils.AttributedStyle;

/**
 * The look of every part of a line, with and without colour. Without colour (NO_COLOR, --no-color)
 * only bold, faint and inverse remain, which the NO_COLOR convention allows and which keep own
 * lines, notices and mentions apart.
 */
public final class Styles {
    /** Foreground colours readable on dark and light backgrounds; black, white and grey are left out. */
    private static final int[] NICK_COLORS = {
        AttributedStyle.RED, AttributedStyle.GREEN, AttributedStyle.YELLOW, AttributedStyle.BLUE,
        AttributedStyle.MAGENTA, AttributedStyle.CYAN,
        AttributedStyle.BRIGHT + AttributedStyle.RED, AttributedStyle.BRIGHT + AttributedStyle.GREEN,
        AttributedStyle.BRIGHT + AttributedStyle.YELLOW, AttributedStyle.BRIGHT + AttributedStyle.BLUE,
        AttributedStyle.BRIGHT + AttributedStyle.MAGENTA, AttributedStyle.BRIGHT + AttributedStyle.CYAN,
    };

    private final boolean color;

    public Styles(boolean color) {
        this.color = color;
    }

    boolean color() {
        return color;
    }

    /**
     * The same colour for a nick in every session and on every machine: String.hashCode is
     * specified by the JLS, and folding makes Bob and bob one person as the server sees it.
     */
    static int nickColorIndex(String nick) {
        return Math.floorMod(IrcNames.fold(nick).hashCode(), NICK_COLORS.length);
    }

    AttributedStyle nick(String nick) {
        return color ? AttributedStyle.DEFAULT.foreground(NICK_COLORS[nickColorIndex(nick)]) : AttributedStyle.DEFAULT;
    }

    AttributedStyle ownNick() {
        return AttributedStyle.BOLD;
    }

    /** Own text is bold so a glance finds what you said. */
    AttributedStyle ownText() {
        return AttributedStyle.BOLD;
    }

    AttributedStyle timestamp() {
        return AttributedStyle.DEFAULT.faint();
    }

    /** Join, part, quit, nick changes and server chatter: present but quiet. */
    AttributedStyle dim() {
        return AttributedStyle.DEFAULT.faint();
    }

    AttributedStyle privateMark() {
        return color ? AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA) : AttributedStyle.BOLD;
    }

    AttributedStyle mention() {
        return color ? AttributedStyle.BOLD.foreground(AttributedStyle.YELLOW).inverse() : AttributedStyle.BOLD.inverse();
    }

    AttributedStyle error() {
        return color ? AttributedStyle.BOLD.foreground(AttributedStyle.RED) : AttributedStyle.BOLD;
    }

    AttributedStyle room() {
        return color ? AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN) : AttributedStyle.DEFAULT;
    }
}
