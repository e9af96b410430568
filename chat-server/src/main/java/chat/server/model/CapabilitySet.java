package chat.server.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The capabilities one connection has enabled: a bit mask, so that asking "does this receiver want
 * tags?" on the relay path is one AND, and so that receivers with the same set share one shape of
 * an encoded line.
 */
public final class CapabilitySet {
    private long bits;

    public boolean has(Capability cap) {
        return (bits & cap.bit()) != 0;
    }

    public void enable(Capability cap) {
        bits |= cap.bit();
    }

    public void disable(Capability cap) {
        bits &= ~cap.bit();
    }

    public long bits() {
        return bits;
    }

    /** The enabled capabilities' names, in LS order. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (Capability cap : Capability.all()) {
            if (has(cap)) {
                names.add(cap.wireName);
            }
        }
        return names;
    }
}
