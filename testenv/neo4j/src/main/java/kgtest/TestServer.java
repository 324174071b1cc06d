package kgtest;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Starts an embedded Neo4j 5 Community DBMS with the Bolt connector on 127.0.0.1 and authentication on,
 * for kg's integration tests only.
 *
 * Usage: TestServer DATA_DIR PORT_FILE [PORT]
 * The password is read from the KG_TEST_NEO4J_PASSWORD environment variable (never printed).
 * A free port is chosen (or PORT is used, so that a restarted server comes back where it was), the DBMS
 * started, the neo4j user's password set, and then "PORT" is written atomically to PORT_FILE. The
 * server runs until it receives SIGTERM/SIGINT.
 */
public final class TestServer {
    public static void main(String[] args) throws Exception {
        if (args.length != 2 && args.length != 3) {
            System.err.println("usage: TestServer DATA_DIR PORT_FILE [PORT]");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        Path portFile = Path.of(args[1]).toAbsolutePath();
        String password = System.getenv("KG_TEST_NEO4J_PASSWORD");
        if (password == null || password.length() < 8) {
            System.err.println("testserver: KG_TEST_NEO4J_PASSWORD must be set (8 characters or more)");
            System.exit(2);
        }
        int port = args.length == 3 ? Integer.parseInt(args[2]) : freePort();

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dataDir)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .build();

        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            stop.countDown();
        }));

        // Give the built-in user a password so drivers can log in without a forced change. A restarted
        // server (same data folder) has it already.
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        } catch (RuntimeException e) {
            if (e.getMessage() == null || !e.getMessage().contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }

        Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(tmp, Integer.toString(port));
        Files.move(tmp, portFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.out.println("testserver: bolt://127.0.0.1:" + port + " ready");
        stop.await();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
