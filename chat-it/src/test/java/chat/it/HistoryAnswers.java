package chat.it;

import chat.server.TestClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A CHATHISTORY request and its answer: the lines up to the end of its batch, or its FAIL. The
 * answer comes from the history thread, after the loop has answered anything sent later (a PING),
 * so it is awaited by its own end, not by PING/PONG.
 */
final class HistoryAnswers {
    private HistoryAnswers() {
    }

    static List<String> ask(TestClient client, String request) throws IOException {
        client.send(request);
        List<String> lines = new ArrayList<>();
        String first = client.expect(line -> line.contains(" BATCH +") || line.contains(" FAIL "));
        lines.add(first);
        if (first.contains(" FAIL ")) {
            return lines;
        }
        String ref = first.split(" BATCH \\+")[1].split(" ")[0];
        for (String line = client.readLine(); ; line = client.readLine()) {
            lines.add(line);
            if (line.endsWith(" BATCH -" + ref)) {
                return lines;
            }
        }
    }
}
