package io.backprop4j.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.backprop4j.core.FileFormatException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a server on the loopback interface: no test touches the network. */
class DownloadTest {

    private static final byte[] CONTENT = IdxFiles.labels(100);

    @TempDir
    Path directory;

    private HttpServer server;
    private URI base;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/labels.gz", exchange -> {
            exchange.sendResponseHeaders(200, CONTENT.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(CONTENT);
            }
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void keepsAFileWhoseSha256MatchesTheExpectedOne() throws Exception {
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(CONTENT));
        Path target = directory.resolve("cache/labels.gz");
        Download.verified(base.resolve("labels.gz"), sha256, target);
        assertArrayEquals(CONTENT, Files.readAllBytes(target));
    }

    @Test
    void refusesAndDeletesAFileWithAnotherSha256() {
        Path target = directory.resolve("labels.gz");
        FileFormatException error = assertThrows(FileFormatException.class,
                () -> Download.verified(base.resolve("labels.gz"), "00".repeat(32), target));
        assertTrue(error.getMessage().contains("was not kept"), error.getMessage());
        assertFalse(Files.exists(target));
        assertTrue(directory.toFile().list().length == 0, "no partial file is left behind");
    }

    @Test
    void reportsAMissingFileAndAnUnreachableServer() throws IOException {
        Path target = directory.resolve("x.gz");
        IOException missing = assertThrows(IOException.class,
                () -> Download.verified(base.resolve("nothing-here.gz"), "00", target));
        assertTrue(missing.getMessage().contains("HTTP 404"), missing.getMessage());
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        IOException unreachable = assertThrows(IOException.class,
                () -> Download.verified(URI.create("http://127.0.0.1:" + closedPort + "/x.gz"), "00", target));
        assertTrue(unreachable.getMessage().contains("no network?"), unreachable.getMessage());
        assertFalse(Files.exists(target));
    }
}
