package chat.server.command;

import chat.server.model.Capability;
import chat.server.model.CapabilitySet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** The rules of IRCv3 capability negotiation that need no connection: versions, REQ, line packing. */
final class CapNegotiation {
    /** From CAP LS 302 on, LS shows values ("name=value") and cap-notify is enabled implicitly. */
    static final int VALUES_VERSION = 302;

    private CapNegotiation() {
    }

    /** The version a CAP LS gave: a number, or 0 when absent or not a number (as for a plain CAP LS). */
    static int version(String given) {
        if (given == null || given.isEmpty() || given.length() > 6) {
            return 0;
        }
        for (int i = 0; i < given.length(); i++) {
            if (given.charAt(i) < '0' || given.charAt(i) > '9') {
                return 0;
            }
        }
        return Integer.parseInt(given);
    }

    /** What CAP LS lists for that version. No capability of ours has a value yet. */
    static List<String> offered(int version) {
        return offered(version, false);
    }

    /** What CAP LS lists, the history capabilities only when history is kept. */
    static List<String> offered(int version, boolean history) {
        return offered(version, cap -> history || !cap.needsHistory(), cap -> null, null);
    }

    /**
     * What CAP LS lists: the capabilities {@code offered} accepts, from version 302 on with their
     * values ({@code value} gives null for none), and the sts policy when {@code sts} (its value)
     * is not null. sts is listed only from CAP LS 302 on: its value is required and older clients
     * are shown none. It is never acknowledged (not a {@link Capability}): the spec forbids clients
     * to request it, so a REQ for it gets NAK like any unknown name.
     */
    static List<String> offered(int version, Predicate<Capability> offered, Function<Capability, String> value,
            String sts) {
        List<String> names = new ArrayList<>();
        for (Capability cap : Capability.all()) {
            if (offered.test(cap)) {
                String shown = version >= VALUES_VERSION ? value.apply(cap) : null;
                names.add(shown == null ? cap.wireName : cap.wireName + "=" + shown);
            }
        }
        if (sts != null && version >= VALUES_VERSION) {
            names.add("sts=" + sts);
        }
        return names;
    }

    /**
     * Applies a CAP REQ ("a -b c") all or nothing: if any name is unknown, or the request would
     * disable cap-notify for a 302 client (which the spec does not allow), nothing changes and the
     * answer is NAK. An empty request is refused too: there is nothing to acknowledge.
     */
    static boolean apply(String request, CapabilitySet caps, int version) {
        return apply(request, caps, version, false);
    }

    /** As {@link #apply(String, CapabilitySet, int)}; the history capabilities are known only when history is kept. */
    static boolean apply(String request, CapabilitySet caps, int version, boolean history) {
        return apply(request, caps, version, cap -> history || !cap.needsHistory());
    }

    /** As {@link #apply(String, CapabilitySet, int)}; only what {@code offered} accepts is known. */
    static boolean apply(String request, CapabilitySet caps, int version, Predicate<Capability> offered) {
        List<Capability> enable = new ArrayList<>();
        List<Capability> disable = new ArrayList<>();
        for (String token : request.trim().split(" +")) {
            if (token.isEmpty()) {
                continue;
            }
            boolean off = token.charAt(0) == '-';
            Capability cap = Capability.named(off ? token.substring(1) : token);
            if (cap == null || !offered.test(cap)
                    || (off && cap == Capability.CAP_NOTIFY && version >= VALUES_VERSION)) {
                return false;
            }
            (off ? disable : enable).add(cap);
        }
        if (enable.isEmpty() && disable.isEmpty()) {
            return false;
        }
        disable.forEach(caps::disable);
        enable.forEach(caps::enable);
        return true;
    }

    /** Space-separated tokens in lines of at most {@code room} bytes (ASCII names); one empty line for none. */
    static List<String> pack(List<String> tokens, int room) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String token : tokens) {
            if (line.length() > 0 && line.length() + 1 + token.length() > room) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(token);
        }
        lines.add(line.toString());
        return lines;
    }
}
