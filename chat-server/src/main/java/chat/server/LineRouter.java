package chat.server;

import chat.protocol.DecodedLine;
import chat.protocol.IrcMessage;
import chat.protocol.IrcParser;
import chat.protocol.MalformedMessageException;
import chat.protocol.Numeric;
import chat.protocol.ProtocolLimits;
import chat.protocol.SessionKind;

/**
 * Takes each decoded line of a connection where it belongs: the first line picks the dialect,
 * plain-text lines go to the {@link PlainTextSession}, IRC lines are parsed and dispatched, and
 * refused lines (too long, invalid UTF-8, NUL or bare CR) get an error reply while the connection
 * keeps working.
 */
final class LineRouter {
    private final ChatState state;
    private final CommandDispatcher dispatcher;

    LineRouter(ChatState state, CommandDispatcher dispatcher) {
        this.state = state;
        this.dispatcher = dispatcher;
    }

    void route(Connection connection, DecodedLine line) {
        state.linesReceived++;
        connection.lastLineAtMillis = state.nowMillis;
        connection.pingSentAtMillis = 0; // any line proves the client is alive
        if (line instanceof DecodedLine.Text text) {
            routeText(connection, text);
        } else if (line instanceof DecodedLine.TooLong tooLong) {
            refuse(connection, Numeric.ERR_INPUTTOOLONG, "Input line was too long (limit "
                    + ProtocolLimits.MAX_LINE_BYTES + " bytes with CRLF); it was ignored");
        } else if (line instanceof DecodedLine.InvalidUtf8 invalid) {
            refuse(connection, Numeric.ERR_UNKNOWNERROR, "Line ignored: it is not valid UTF-8 (at byte "
                    + invalid.byteOffset() + ")");
        } else if (line instanceof DecodedLine.ForbiddenByte forbidden) {
            refuse(connection, Numeric.ERR_UNKNOWNERROR, "Line ignored: it holds a "
                    + (forbidden.byteValue() == 0 ? "NUL" : "bare CR") + " byte (at byte " + forbidden.byteOffset() + ")");
        }
    }

    private void routeText(Connection connection, DecodedLine.Text line) {
        String text = line.text();
        if (connection.kind == null) {
            connection.kind = SessionKind.ofFirstLine(text);
            if (connection.isPlainText()) {
                connection.plain = new PlainTextSession(state, dispatcher, connection);
            }
        }
        if (connection.isPlainText()) {
            connection.plain.onLine(text);
            return;
        }
        IrcMessage message;
        try {
            message = IrcParser.parse(line);
        } catch (MalformedMessageException malformed) {
            state.reply(connection, Numeric.ERR_UNKNOWNERROR, "*", "Malformed line ignored: " + malformed.getMessage());
            return;
        }
        dispatcher.dispatch(connection, message);
    }

    private void refuse(Connection connection, String numeric, String explanation) {
        if (connection.isPlainText()) {
            connection.plain.tell(explanation + ".");
        } else if (numeric.equals(Numeric.ERR_INPUTTOOLONG)) {
            state.reply(connection, numeric, explanation);
        } else {
            state.reply(connection, numeric, "*", explanation);
        }
    }
}
