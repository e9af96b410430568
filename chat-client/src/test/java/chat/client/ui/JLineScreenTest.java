package chat.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.client.session.ClientState;
import chat.client.session.StateCell;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The screen owner: every change to the screen happens inside the lock JLine draws under. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class JLineScreenTest {
    private final PipedOutputStream keys = new PipedOutputStream();
    private final ByteArrayOutputStream screenBytes = new ByteArrayOutputStream();

    private ConsoleReader reader() throws Exception {
        DumbTerminal terminal = new DumbTerminal("test", "dumb", new PipedInputStream(keys, 4096), screenBytes,
                StandardCharsets.UTF_8);
        return ConsoleReader.create(terminal, new ChatCompleter(new StateCell(ClientState.initial("me", "#lobby")),
                new chat.client.session.RoomDirectory()),
                null);
    }

    private static void awaitState(Thread thread, Thread.State wanted) {
        while (thread.getState() != wanted && thread.getState() != Thread.State.TERMINATED) {
            Thread.onSpinWait();
        }
        assertEquals(wanted, thread.getState());
    }

    private synchronized String screen() {
        return screenBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLineFromTheSocketThreadWaitsForTheReaderLockBeforeItTouchesThePrompt() throws Exception {
        ConsoleReader reader = reader();
        JLineScreen screen = new JLineScreen(reader);
        CompletableFuture<String> typed = CompletableFuture.supplyAsync(() -> reader.readLine("#lobby> "));
        while (!reader.isReading()) {
            Thread.onSpinWait();
        }
        MessageRenderer.Rendered line = new MessageRenderer(new Styles(false)).note("from the socket", LocalTime.NOON);
        ClientState elsewhere = ClientState.initial("me", "#lobby").withTarget("bob");
        Thread network = new Thread(() -> screen.show(line, elsewhere), "network");
        reader.locked(() -> {
            network.start();
            awaitState(network, Thread.State.WAITING);
            // Held off entirely: neither the prompt nor the screen changed while JLine held the lock.
            assertEquals("#lobby> ", reader.promptText());
            assertTrue(!screen().contains("from the socket"));
        });
        network.join();
        assertEquals(Prompt.of(elsewhere), reader.promptText());
        assertTrue(screen().contains("from the socket"), this::screen);
        keys.write("typed whole\n".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        assertEquals("typed whole", typed.get(10, TimeUnit.SECONDS));
    }

    @Test
    void statusLinesSitAbovePromptAndGoWhenCleared() throws Exception {
        ConsoleReader reader = reader();
        JLineScreen screen = new JLineScreen(reader);
        ClientState state = ClientState.initial("me", "#lobby");
        CompletableFuture<String> typed = CompletableFuture.supplyAsync(() -> reader.readLine(screen.prompt(state)));
        while (!reader.isReading()) {
            Thread.onSpinWait();
        }
        MessageRenderer renderer = new MessageRenderer(new Styles(false));
        screen.status(java.util.List.of(renderer.typing("bob is typing…")), state);
        assertEquals("bob is typing…\n#lobby> ", reader.promptText());
        screen.status(java.util.List.of(), state);
        assertEquals("#lobby> ", reader.promptText());
        keys.write("done\n".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        assertEquals("done", typed.get(10, TimeUnit.SECONDS));
    }

    @Test
    void pageUpRunsItsActionAndLeavesTheHalfTypedLineAlone() throws Exception {
        ConsoleReader reader = reader();
        JLineScreen screen = new JLineScreen(reader);
        java.util.concurrent.atomic.AtomicInteger pressed = new java.util.concurrent.atomic.AtomicInteger();
        reader.onPageUp(() -> {
            pressed.incrementAndGet();
            // What /history may do at once: a note above the prompt, from inside the key's widget.
            screen.show(new MessageRenderer(new Styles(false)).note("asked", LocalTime.NOON),
                    ClientState.initial("me", "#lobby"));
        });
        CompletableFuture<String> typed = CompletableFuture.supplyAsync(() -> reader.readLine("#lobby> "));
        keys.write("half\u001b[5~ typed\n".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        assertEquals("half typed", typed.get(10, TimeUnit.SECONDS));
        assertEquals(1, pressed.get());
        assertTrue(screen().contains("asked"), this::screen);
    }
}
