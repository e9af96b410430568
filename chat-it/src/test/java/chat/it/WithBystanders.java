package chat.it;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** Hostile-input cases share one server and its {@link Bystanders}, checked after every case and at the end. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
abstract class WithBystanders {
    protected Bystanders bystanders;

    @BeforeAll
    void start() throws IOException {
        bystanders = new Bystanders();
    }

    @AfterEach
    void serverStillServesEveryone() throws Exception {
        bystanders.serverStillServesEveryone();
    }

    @AfterAll
    void nothingWasLost() throws Exception {
        bystanders.close();
    }
}
