package chat.protocol;

import static chat.protocol.Bytes.concat;
import static chat.protocol.Feeding.assertLines;
import static chat.protocol.Bytes.of;
import static chat.protocol.Bytes.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.protocol.DecodedLine.InvalidUtf8;
import chat.protocol.DecodedLine.Text;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Strict UTF-8 (RFC 3629 section 3): every malformed form is reported at the offset where it starts,
 * whatever the feeding, and the line after it is decoded normally.
 */
class LineDecoderUtf8Test {
    private static final String HEAD = "PRIVMSG #a :ok ";

    static Stream<Arguments> malformedSequences() {
        return Stream.of(
                Arguments.of("lone continuation byte", of(0x80)),
                Arguments.of("last continuation byte value", of(0xBF)),
                Arguments.of("two-byte overlong of '/'", of(0xC0, 0xAF)),
                Arguments.of("two-byte overlong with C1 lead", of(0xC1, 0xBF)),
                Arguments.of("overlong NUL (modified UTF-8)", of(0xC0, 0x80)),
                Arguments.of("three-byte overlong of '/'", of(0xE0, 0x80, 0xAF)),
                Arguments.of("three-byte overlong of U+07FF", of(0xE0, 0x9F, 0xBF)),
                Arguments.of("four-byte overlong of '/'", of(0xF0, 0x80, 0x80, 0xAF)),
                Arguments.of("four-byte overlong of U+FFFF", of(0xF0, 0x8F, 0xBF, 0xBF)),
                Arguments.of("high surrogate U+D800", of(0xED, 0xA0, 0x80)),
                Arguments.of("low surrogate U+DFFF", of(0xED, 0xBF, 0xBF)),
                Arguments.of("surrogate pair in CESU-8", of(0xED, 0xA0, 0xBD, 0xED, 0xB2, 0xA9)),
                Arguments.of("above U+10FFFF", of(0xF4, 0x90, 0x80, 0x80)),
                Arguments.of("F5 lead byte", of(0xF5, 0x80, 0x80, 0x80)),
                Arguments.of("five-byte form", of(0xF8, 0x88, 0x80, 0x80, 0x80)),
                Arguments.of("FE byte", of(0xFE)),
                Arguments.of("FF byte", of(0xFF)),
                Arguments.of("two-byte character cut short by ASCII", of(0xC3, 'A')),
                Arguments.of("three-byte character cut short by ASCII", of(0xE2, 0x82, 'A')),
                Arguments.of("three-byte character cut short by the line end", of(0xE2, 0x82)),
                Arguments.of("four-byte character cut short by the line end", of(0xF0, 0x9F, 0x98)),
                Arguments.of("Latin-1 text", of(0xE9, 't', 0xE9)));
    }

    static Stream<Arguments> feedingsAndMalformedSequences() {
        List<Arguments> sequences = malformedSequences().toList();
        return Feeding.all().stream().flatMap(feeding -> sequences.stream()
                .map(sequence -> Arguments.of(feeding, sequence.get()[0], sequence.get()[1])));
    }

    @ParameterizedTest(name = "{1}, {0}")
    @MethodSource("feedingsAndMalformedSequences")
    void malformedSequenceIsReportedAtItsOffsetAndTheNextLineIsDecoded(Feeding feeding, String name, byte[] bad) {
        byte[] input = concat(utf8(HEAD), bad, utf8(" tail\r\nPING after\r\n"));
        assertLines(List.of(new InvalidUtf8(utf8(HEAD).length), new Text("PING after")), feeding.decode(input));
    }

    static Stream<Arguments> feedingsAndBoundaryCharacters() {
        // The smallest and largest code point of every encoded length, and the ones around the surrogates.
        String[] characters = {"\u0001", "\u007f", "\u0080", "\u07ff", "\u0800", "\ud7ff", "\ue000", "\uffff",
            new String(Character.toChars(0x10000)), new String(Character.toChars(0x10FFFF))};
        return Feeding.all().stream().flatMap(feeding -> Stream.of(characters).map(c -> Arguments.of(feeding, c)));
    }

    @ParameterizedTest(name = "boundary character {index}, {0}")
    @MethodSource("feedingsAndBoundaryCharacters")
    void boundaryCodePointsAreAccepted(Feeding feeding, String character) {
        String text = "PRIVMSG #a :<" + character + ">";
        assertLines(List.of(new Text(text)), feeding.decode(utf8(text + "\r\n")));
    }
}
