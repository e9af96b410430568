package chat.server;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The default server name: this machine's host name, made safe to use as an IRC prefix. */
final class HostName {
    private static final String FALLBACK = "chat.server";

    private HostName() {
    }

    static String local() {
        String name;
        try {
            name = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException | SecurityException e) {
            name = System.getenv("HOSTNAME");
        }
        if (name == null) {
            return FALLBACK;
        }
        // A prefix is one word; keep only characters a host name may hold.
        String cleaned = name.replaceAll("[^A-Za-z0-9.\\-_]", "");
        if (cleaned.isEmpty()) {
            return FALLBACK;
        }
        // A bare host name ("vm") is a valid nick; a name with a dot never is, so nobody can look
        // like the server (the source of /say and /wall) whatever nicks are free.
        return cleaned.indexOf('.') < 0 ? cleaned + ".chat" : cleaned;
    }
}
