package chat.protocol;

import static chat.protocol.Bytes.concat;
import static chat.protocol.Feeding.assertLines;
import static chat.protocol.Bytes.repeat;
import static chat.protocol.Bytes.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.protocol.DecodedLine.ForbiddenByte;
import chat.protocol.DecodedLine.Text;
import chat.protocol.DecodedLine.TooLong;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Framing, limits and refusals of {@link LineDecoder}; every case runs under every {@link Feeding}. */
class LineDecoderTest {
    private static final String FEEDINGS = "chat.protocol.Feeding#all";
    private static final TooLong TOO_LONG = new TooLong(ProtocolLimits.MAX_LINE_BYTES);
    private static final int MAX_CONTENT_BYTES = ProtocolLimits.MAX_LINE_BYTES - ProtocolLimits.CRLF_BYTES;

    @ParameterizedTest(name = "{0}")
    @MethodSource(FEEDINGS)
    void lfTerminatedLineComesOutWithoutItsTerminator(Feeding feeding) {
        assertLines(List.of(new Text("NICK alice")), feeding.decode(utf8("NICK alice\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FEEDINGS)
    void crlfTerminatedLineLosesBothTerminatorBytes(Feeding feeding) {
        assertLines(List.of(new Text("NICK alice")), feeding.decode(utf8("NICK alice\r\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FEEDINGS)
    void linesOfOneInputComeOutInOrderWhateverTheirTerminator(Feeding feeding) {
        byte[] input = utf8("CAP LS 302\r\nNICK alice\nUSER alice 0 * :Alice A\r\nJOIN #lobby\n");
        assertLines(List.of(new Text("CAP LS 302"), new Text("NICK alice"), new Text("USER alice 0 * :Alice A"),
                new Text("JOIN #lobby")), feeding.decode(input));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FEEDINGS)
    void emptyLinesAreSkipped(Feeding feeding) {
        assertLines(List.of(new Text("PING a"), new Text("PING b")),
                feeding.decode(utf8("\n\r\n\nPING a\r\n\r\n\n\r\nPING b\n\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FEEDINGS)
    void lineWithoutNewlineIsHeldUntilItsNewlineArrives(Feeding feeding) {
        LineDecoder decoder = new LineDecoder();
        assertLines(List.of(), feeding.feed(decoder, utf8("PRIVMSG #lobby :half a li")).lines());
        assertTrue(decoder.hasPartialLine());
        assertEquals(25, decoder.pendingBytes());
        assertLines(List.of(new Text("PRIVMSG #lobby :half a line")), feeding.feed(decoder, utf8("ne\r\n")).lines());
        assertFalse(decoder.hasPartialLine());
        assertEquals(0, decoder.pendingBytes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FEEDINGS)
    void lineOfExactly512BytesWithCrlfIsAccepted(Feeding feeding) {
        String content = "PRIVMSG #a :" + "x".repeat(MAX_CONTENT_BYTES - 12);
        assertLines(List.of(new Text(content)), feeding.decode(utf8(content + "\r\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FEEDINGS)
    void lineOf510ContentBytesWithBareLfIsAccepted(Feeding feeding) {
        String content = "x".repeat(MAX_CONTENT_BYTES);
        assertLines(List.of(new Text(content)), feeding.decode(utf8(content + "\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FEEDINGS)
    void contentOf511BytesIsTooLongWhicheverTerminatorFollows(Feeding feeding) {
        String content = "x".repeat(MAX_CONTENT_BYTES + 1);
        assertLines(List.of(TOO_LONG, TOO_LONG), feeding.decode(utf8(content + "\n" + content + "\r\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FEEDINGS)
    void tooLongLineIsDiscardedToItsNewlineAndTheNextLineIsDecoded(Feeding feeding) {
        byte[] input = utf8("PRIVMSG #a :" + "y".repeat(900) + "\r\nPING after\r\n");
        assertLines(List.of(TOO_LONG, new Text("PING after")), feeding.decode(input));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FEEDINGS)
    void tooLongLineIsReportedBeforeItsNewlineArrives(Feeding feeding) {
        LineDecoder decoder = new LineDecoder();
        // 511 bytes with no CR at the end cannot become a valid line any more.
        assertLines(List.of(TOO_LONG), feeding.feed(decoder, repeat('z', MAX_CONTENT_BYTES + 1)).lines());
        assertTrue(decoder.hasPartialLine(), "still discarding up to the newline");
        assertEquals(0, decoder.pendingBytes(), "discarded bytes are not kept");
        assertLines(List.of(new Text("PING after")),
                feeding.feed(decoder, utf8("more of the same\r\nPING after\r\n")).lines());
        assertFalse(decoder.hasPartialLine());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FEEDINGS)
    void fullLineWhoseCrHasArrivedWaitsForItsLf(Feeding feeding) {
        LineDecoder decoder = new LineDecoder();
        String content = "w".repeat(MAX_CONTENT_BYTES);
        assertLines(List.of(), feeding.feed(decoder, utf8(content + "\r")).lines());
        assertLines(List.of(new Text(content)), feeding.feed(decoder, utf8("\n")).lines());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FEEDINGS)
    void fullLineWhoseCrIsFollowedByMoreTextIsTooLong(Feeding feeding) {
        byte[] input = utf8("w".repeat(MAX_CONTENT_BYTES) + "\rmore\nPING after\n");
        assertLines(List.of(TOO_LONG, new Text("PING after")), feeding.decode(input));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FEEDINGS)
    void tenMegabytesWithoutNewlineGiveOneTooLongAndHoldNoMoreThanOneLine(Feeding feeding) {
        LineDecoder decoder = new LineDecoder();
        Feeding.Outcome flood = feeding.feed(decoder, repeat('A', 10 * 1024 * 1024));
        assertLines(List.of(TOO_LONG), flood.lines());
        assertTrue(flood.maxPendingBytes() <= ProtocolLimits.MAX_LINE_BYTES, "held " + flood.maxPendingBytes());
        assertLines(List.of(new Text("PING alive")), feeding.feed(decoder, utf8("\r\nPING alive\r\n")).lines());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FEEDINGS)
    void multiByteCharactersSurviveAnySplit(Feeding feeding) {
        String text = "PRIVMSG #lobby :héllo wörld ₂€ 日本語 𝄞 🙂 ✓ Ωμέγα";
        assertLines(List.of(new Text(text), new Text("ÿ")), feeding.decode(utf8(text + "\r\nÿ\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FEEDINGS)
    void lineOf510BytesOfFourByteCharactersIsAcceptedAndOneMoreByteIsNot(Feeding feeding) {
        String fits = "PING :abcd" + "🙂".repeat((MAX_CONTENT_BYTES - 10) / 4);
        assertEquals(MAX_CONTENT_BYTES, utf8(fits).length);
        assertLines(List.of(new Text(fits), TOO_LONG), feeding.decode(utf8(fits + "\r\n" + fits + "x\r\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FEEDINGS)
    void nulIsRefusedWithItsOffsetAndTheNextLineStillComes(Feeding feeding) {
        byte[] input = utf8("PRIV\0MSG #a :x\r\nPING after\r\n");
        assertLines(List.of(new ForbiddenByte(0, 4), new Text("PING after")), feeding.decode(input));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FEEDINGS)
    void loneCrInsideALineIsRefused(Feeding feeding) {
        byte[] input = utf8("PRIVMSG #a :a\rb\r\nPING after\n");
        assertLines(List.of(new ForbiddenByte('\r', 13), new Text("PING after")), feeding.decode(input));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FEEDINGS)
    void doubleCrBeforeLfIsRefused(Feeding feeding) {
        assertLines(List.of(new ForbiddenByte('\r', 6)), feeding.decode(utf8("PING x\r\r\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FEEDINGS)
    void loneCrBetweenLinesDoesNotEndALine(Feeding feeding) {
        assertLines(List.of(new ForbiddenByte('\r', 6)), feeding.decode(utf8("PING a\rPING b\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FEEDINGS)
    void lineOfOnlySpacesIsPassedOnForTheParserToRefuse(Feeding feeding) {
        assertLines(List.of(new Text("   ")), feeding.decode(utf8("   \r\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FEEDINGS)
    void tabsAndOtherControlsArePassedOnUntouched(Feeding feeding) {
        assertLines(List.of(new Text("PRIVMSG #a :\t\u001b[31mred\u0007")),
                feeding.decode(utf8("PRIVMSG #a :\t\u001b[31mred\u0007\r\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FEEDINGS)
    void taggedLineHasTheOrdinaryLimitUntilTagsAreAllowed(Feeding feeding) {
        byte[] input = utf8("@k=" + "v".repeat(600) + " PING x\r\nPING after\r\n");
        assertLines(List.of(TOO_LONG, new Text("PING after")), feeding.decode(input));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FEEDINGS)
    void allowedTagsMayFillTheirWholeBudgetNextToAFullMessage(Feeding feeding) {
        String tags = "@k=" + "v".repeat(ProtocolLimits.MAX_TAGS_BYTES - 4) + " "; // exactly MAX_TAGS_BYTES
        String message = "PRIVMSG #a :" + "m".repeat(MAX_CONTENT_BYTES - 12);
        assertLines(List.of(new Text(tags + message)), feeding.feed(taggedDecoder(), utf8(tags + message + "\r\n")).lines());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FEEDINGS)
    void allowedTagsDoNotLendTheirBudgetToTheMessage(Feeding feeding) {
        String message = "PRIVMSG #a :" + "m".repeat(MAX_CONTENT_BYTES - 11);
        byte[] input = utf8("@k=v " + message + "\r\n@k=v PING after\r\n");
        assertLines(List.of(TOO_LONG, new Text("@k=v PING after")), feeding.feed(taggedDecoder(), input).lines());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FEEDINGS)
    void tagSectionOneByteOverItsBudgetIsTooLong(Feeding feeding) {
        String tags = "@k=" + "v".repeat(ProtocolLimits.MAX_TAGS_BYTES - 3) + " ";
        TooLong taggedLimit = new TooLong(ProtocolLimits.MAX_LINE_BYTES + ProtocolLimits.MAX_TAGS_BYTES);
        assertLines(List.of(taggedLimit, new Text("PING after")),
                feeding.feed(taggedDecoder(), utf8(tags + "PING x\r\nPING after\r\n")).lines());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FEEDINGS)
    void allowedTagsLeaveUntaggedLinesAtTheOrdinaryLimit(Feeding feeding) {
        byte[] input = utf8("PRIVMSG #a :" + "m".repeat(600) + "\r\nPING after\r\n");
        assertLines(List.of(TOO_LONG, new Text("PING after")), feeding.feed(taggedDecoder(), input).lines());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FEEDINGS)
    void endlessTagSectionIsReportedAndForgotten(Feeding feeding) {
        LineDecoder decoder = taggedDecoder();
        Feeding.Outcome flood = feeding.feed(decoder, concat(utf8("@"), repeat('t', 100_000)));
        assertLines(List.of(new TooLong(ProtocolLimits.MAX_LINE_BYTES + ProtocolLimits.MAX_TAGS_BYTES)), flood.lines());
        assertTrue(flood.maxPendingBytes() <= ProtocolLimits.MAX_LINE_BYTES + ProtocolLimits.MAX_TAGS_BYTES);
        assertLines(List.of(new Text("PING after")), feeding.feed(decoder, utf8("\nPING after\n")).lines());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FEEDINGS)
    void smallerLimitIsHonouredTheSameWay(Feeding feeding) {
        LineDecoder decoder = new LineDecoder(16); // 14 content bytes
        byte[] input = utf8("PING 123456789\r\nPING 1234567890\r\nPING ok\n");
        assertLines(List.of(new Text("PING 123456789"), new TooLong(16), new Text("PING ok")),
                feeding.feed(decoder, input).lines());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FEEDINGS)
    void decoderHoldsNothingOnceEveryLineIsComplete(Feeding feeding) {
        LineDecoder decoder = new LineDecoder();
        assertEquals(3, feeding.feed(decoder, utf8("PING a\r\nPING b\r\nPING c\r\n")).lines().size());
        assertFalse(decoder.hasPartialLine());
        assertEquals(0, decoder.pendingBytes());
    }

    @Test
    void limitWithoutRoomForContentIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LineDecoder(2));
    }

    private static LineDecoder taggedDecoder() {
        LineDecoder decoder = new LineDecoder();
        decoder.allowMessageTags();
        return decoder;
    }
}
