package chat.protocol;

import java.nio.charset.StandardCharsets;

/**
 * Judges one whole line for {@link LineDecoder}, terminator found: too long, forbidden byte,
 * invalid UTF-8, empty, or text. Kept apart from the framing so each stays small.
 */
final class LineJudge {
    private static final byte CR = '\r';

    private LineJudge() {
    }

    /**
     * @param length bytes before the LF, a trailing CR included
     * @param budget content bytes this line may hold (larger for a tagged line once tags are allowed)
     * @param untaggedBudget content bytes of an ordinary line, which the non-tag part of a tagged line keeps
     * @return the verdict, or null for an empty line, which is skipped (RFC 1459 2.3.1)
     */
    static DecodedLine judge(byte[] bytes, int offset, int length, int budget, int untaggedBudget) {
        if (length > 0 && bytes[offset + length - 1] == CR) {
            length--;
        }
        if (length > budget) {
            return new DecodedLine.TooLong(budget + ProtocolLimits.CRLF_BYTES);
        }
        if (length == 0) {
            return null;
        }
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
            byte b = bytes[offset + i];
            if (b == 0 || b == CR) {
                return new DecodedLine.ForbiddenByte(b, i);
            }
            if (b < 0) {
                ascii = false;
            }
        }
        if (budget > untaggedBudget) {
            DecodedLine tooLong = taggedLineTooLong(bytes, offset, length, budget, untaggedBudget);
            if (tooLong != null) {
                return tooLong;
            }
        }
        if (ascii) {
            // Latin-1 is byte-for-char identical on ASCII and lets the JDK build a compact string.
            return new DecodedLine.Text(new String(bytes, offset, length, StandardCharsets.ISO_8859_1));
        }
        int invalid = Utf8.firstInvalidOffset(bytes, offset, offset + length);
        if (invalid >= 0) {
            return new DecodedLine.InvalidUtf8(invalid - offset);
        }
        return new DecodedLine.Text(new String(bytes, offset, length, StandardCharsets.UTF_8));
    }

    /**
     * IRCv3 message-tags gives the tag section ('@' through its trailing space) its own budget and
     * leaves the rest of the line the ordinary one, so a tagged line cannot carry a 8 KiB PRIVMSG.
     */
    private static DecodedLine taggedLineTooLong(byte[] bytes, int offset, int length, int budget, int untaggedBudget) {
        int tagSectionBytes = length;
        for (int i = 0; i < length; i++) {
            if (bytes[offset + i] == ' ') {
                tagSectionBytes = i + 1;
                break;
            }
        }
        if (tagSectionBytes > ProtocolLimits.MAX_TAGS_BYTES) {
            return new DecodedLine.TooLong(budget + ProtocolLimits.CRLF_BYTES);
        }
        if (length - tagSectionBytes > untaggedBudget) {
            return new DecodedLine.TooLong(untaggedBudget + ProtocolLimits.CRLF_BYTES);
        }
        return null;
    }
}
