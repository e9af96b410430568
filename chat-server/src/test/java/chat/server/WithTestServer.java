package chat.server;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Tests that each run against a fresh server with the default test settings. A test that needs other
 * settings closes it and assigns its own; whatever {@link #server} holds at the end is closed.
 */
abstract class WithTestServer {
    protected TestServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = TestServer.start();
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        server.close();
    }
}
