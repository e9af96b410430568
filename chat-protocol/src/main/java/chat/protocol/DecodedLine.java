package chat.protocol;

/**
 * What a {@link LineDecoder} hands back for each newline-terminated unit of input.
 * Only {@link Text} carries a usable line; every other kind is a defined refusal that the
 * caller turns into a protocol error, so hostile input never surfaces as an exception.
 */
public sealed interface DecodedLine {

    /**
     * A complete line, terminator removed, decoded as strict UTF-8. Never empty, and never holds CR,
     * LF or NUL: only this package makes one (the decoder, after its checks), which is what lets
     * {@link IrcParser#parse(Text)} skip checking again. A class rather than a record so that its
     * constructor can stay package-private.
     */
    final class Text implements DecodedLine {
        private final String text;

        Text(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Text that && text.equals(that.text);
        }

        @Override
        public int hashCode() {
            return text.hashCode();
        }

        @Override
        public String toString() {
            return "Text[text=" + text + "]";
        }
    }

    /**
     * A line longer than the limit; its bytes are discarded up to the next newline. Reported once,
     * as soon as the line cannot fit any more, so possibly before its newline has arrived.
     *
     * @param limitBytes the limit it broke, CRLF included: {@link ProtocolLimits#MAX_LINE_BYTES}, or that
     *     plus {@link ProtocolLimits#MAX_TAGS_BYTES} for an over-long tag section once tags are allowed
     */
    record TooLong(int limitBytes) implements DecodedLine {
    }

    /** A complete line that is not valid UTF-8 (bad sequence, overlong form, surrogate). */
    record InvalidUtf8(int byteOffset) implements DecodedLine {
    }

    /** A complete line holding NUL or a CR that is not part of the CRLF terminator. */
    record ForbiddenByte(int byteValue, int byteOffset) implements DecodedLine {
    }
}
