package chat.it;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh Redis and three nodes a, b and c for each test (ClusterRig), stopped with the clients
 * the test made. A test class gives the nodes options by overriding {@link #nodeOptions}.
 */
abstract class ThreeNodes {
    @TempDir
    Path work;
    ClusterRig rig;
    ClusterRig.Node a;
    ClusterRig.Node b;
    ClusterRig.Node c;

    /** The nodes' options; none means without history ({@link ClusterRig#start(String)}). */
    String[] nodeOptions() {
        return new String[0];
    }

    /** Starts node {@code name} with {@link #nodeOptions}. */
    ClusterRig.Node startNode(String name) throws Exception {
        String[] options = nodeOptions();
        return options.length == 0 ? rig.start(name) : rig.start(name, options);
    }

    @BeforeEach
    void startCluster() throws Exception {
        rig = new ClusterRig(work);
        a = startNode("a");
        b = startNode("b");
        c = startNode("c");
    }

    @AfterEach
    void stopCluster() throws Exception {
        rig.close();
    }
}
