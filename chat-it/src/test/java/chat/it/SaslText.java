package chat.it;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The text of SASL exchanges over IRC lines (AUTHENTICATE carries base64), for the account tests. */
final class SaslText {
    private SaslText() {
    }

    static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String unb64(String text) {
        return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
    }

    /** A line's last parameter (AUTHENTICATE's payload). */
    static String lastParam(String line) {
        return line.substring(line.lastIndexOf(' ') + 1);
    }
}
