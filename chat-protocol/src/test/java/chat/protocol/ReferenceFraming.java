package chat.protocol;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The decoder's contract written the slow, obvious way, as an oracle for the randomised tests: split
 * the whole input at LF, drop one trailing CR, then judge each line; UTF-8 validity comes from the
 * JDK's own decoder set to REPORT. Only for untagged decoders with the default limit.
 */
final class ReferenceFraming {
    private static final int MAX_CONTENT_BYTES = ProtocolLimits.MAX_LINE_BYTES - ProtocolLimits.CRLF_BYTES;
    private static final DecodedLine.TooLong TOO_LONG = new DecodedLine.TooLong(ProtocolLimits.MAX_LINE_BYTES);

    private ReferenceFraming() {
    }

    static List<DecodedLine> expected(byte[] input) {
        List<DecodedLine> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < input.length; i++) {
            if (input[i] == '\n') {
                DecodedLine line = judge(input, start, i);
                if (line != null) {
                    lines.add(line);
                }
                start = i + 1;
            }
        }
        // An unterminated tail is reported only when it can no longer become a valid line.
        int tail = input.length - start;
        if (tail > MAX_CONTENT_BYTES + 1 || (tail == MAX_CONTENT_BYTES + 1 && input[input.length - 1] != '\r')) {
            lines.add(TOO_LONG);
        }
        return lines;
    }

    private static DecodedLine judge(byte[] input, int start, int end) {
        if (end > start && input[end - 1] == '\r') {
            end--;
        }
        if (end - start > MAX_CONTENT_BYTES) {
            return TOO_LONG;
        }
        if (end == start) {
            return null;
        }
        for (int i = start; i < end; i++) {
            if (input[i] == 0 || input[i] == '\r') {
                return new DecodedLine.ForbiddenByte(input[i], i - start);
            }
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(input, start, end - start);
        CharBuffer chars = CharBuffer.allocate(end - start);
        CoderResult result = strict.decode(bytes, chars, true);
        if (result.isError()) {
            return new DecodedLine.InvalidUtf8(bytes.position() - start);
        }
        return new DecodedLine.Text(chars.flip().toString());
    }
}
