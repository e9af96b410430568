package chat.client.session;

/** This client's name and version, as told to CTCP VERSION: "chat client 1.0 (Java 21)". */
public final class ClientVersion {
    private ClientVersion() {
    }

    public static String text() {
        String version = ClientVersion.class.getPackage().getImplementationVersion();
        return "chat client " + (version == null ? "(development build)" : version)
                + " (Java " + Runtime.version().feature() + ")";
    }
}
