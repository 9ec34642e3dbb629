package io.backprop4j.cli.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The playground's server over real HTTP on the loopback address: sessions, streams, and requests it refuses. */
class PlaygroundServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private PlaygroundServer server;

    @BeforeEach
    void start() throws Exception {
        server = PlaygroundServer.start(0, 4);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> request(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.url().resolve(path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String create(String settings) throws Exception {
        HttpResponse<String> response = request("POST", "/api/sessions", settings);
        assertEquals(201, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("id").asText();
    }

    /** Opens the session's event stream; the caller closes it. */
    private InputStream events(String id) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.url().resolve("/api/sessions/" + id + "/events")).build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    /** Reads events until a frame whose epoch is at least {@code epoch}; returns that frame. */
    private static JsonNode frameAtEpoch(BufferedReader reader, int epoch) throws Exception {
        String event = null;
        for (String line; (line = reader.readLine()) != null; ) {
            if (line.startsWith("event: ")) {
                event = line.substring(7);
            } else if (line.startsWith("data: ") && "frame".equals(event)) {
                JsonNode frame = JSON.readTree(line.substring(6));
                if (frame.get("epoch").asInt() >= epoch) {
                    return frame;
                }
            }
        }
        throw new AssertionError("the stream ended before epoch " + epoch);
    }

    @Test
    void concurrentSessionsEachTrainTheirOwnNetwork() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> results = new ArrayList<>();
        for (int tab = 1; tab <= 4; tab++) {
            int neurons = tab;
            results.add(pool.submit(() -> {
                String id = create("{\"hidden\": [" + neurons + "], \"learningRate\": 0.1}");
                assertEquals(200, request("POST", "/api/sessions/" + id + "/play", "").statusCode());
                try (InputStream in = events(id)) {
                    JsonNode frame = frameAtEpoch(new BufferedReader(new InputStreamReader(in,
                            StandardCharsets.UTF_8)), 20);
                    // the frame draws the network it was asked for: features, one hidden layer of `neurons`, output
                    assertEquals(neurons, frame.get("neurons").get(1).size());
                    assertTrue(Double.isFinite(frame.get("trainLoss").asDouble()), frame.toString());
                }
                return id;
            }));
        }
        Set<String> ids = new HashSet<>();
        for (Future<String> result : results) {
            ids.add(result.get());
        }
        pool.shutdown();
        assertEquals(4, ids.size());
    }

    @Test
    void malformedRequestsGetA400WithAMessageAndTheServerKeepsServing() throws Exception {
        String id = create(null);
        String[][] bad = {
            {"POST", "/api/sessions", "{\"hidden\": [4, 4, 4, 4, 4, 4, 4, 4, 4, 4]}", "0 to 6 layer sizes"},
            {"POST", "/api/sessions", "{\"hidden\": [99]}", "1 to 8 neurons"},
            {"POST", "/api/sessions", "{\"learningRate\": -0.5}", "learningRate"},
            {"POST", "/api/sessions", "{\"noise\": \"loud\"}", "noise"},
            {"POST", "/api/sessions", "{\"features\": []}", "features"},
            {"POST", "/api/sessions", "{\"dataset\": \"moons\"}", "unknown data set 'moons'"},
            {"POST", "/api/sessions", "{\"layers\": 3}", "unknown setting 'layers'"},
            {"POST", "/api/sessions", "{not json", "malformed JSON"},
            {"POST", "/api/sessions", "x".repeat(70_000), "over 65536 bytes"},
            {"GET", "/api/sessions", null, "takes POST"},
            {"POST", "/api/sessions/" + id + "/settings", "{\"activation\": \"swish\"}", "unknown activation"},
            {"POST", "/api/sessions/" + id + "/settings", "{\"regularizationRate\": -1}", "regularizationRate"},
            {"POST", "/api/sessions/" + id + "/trace", "{\"point\": 1000}", "training point"},
            {"POST", "/api/sessions/" + id + "/trace", "{}", "training point's index"},
            {"POST", "/api/sessions/" + id + "/trace", "{\"point\": 4294967299}", "training point's index"},
            {"POST", "/api/sessions/" + id + "/settings", "{\"batchSize\": 18446744073709551621}", "batchSize"},
            {"POST", "/api/sessions", "{\"hidden\": [4294967300]}", "1 to 8 neurons"},
        };
        for (String[] request : bad) {
            HttpResponse<String> response = request(request[0], request[1], request[2]);
            assertEquals(400, response.statusCode(), request[1] + " " + request[2]);
            String message = JSON.readTree(response.body()).get("error").asText();
            assertTrue(message.contains(request[3]), message);
            assertFalse(response.body().contains("Exception") || response.body().contains("\tat "), message);
        }
        assertEquals(404, request("POST", "/api/sessions/nope/play", "").statusCode());
        assertEquals(404, request("POST", "/api/sessions/" + id + "/fly", "").statusCode());
        assertEquals(200, request("POST", "/api/sessions/" + id + "/step", "").statusCode());
        assertEquals(200, request("GET", "/", null).statusCode());
        create(null);
    }

    @Test
    void closingTheStreamEndsTheSessionAndItsTraining() throws Exception {
        String id = create("{\"learningRate\": 0.1}");
        request("POST", "/api/sessions/" + id + "/play", "");
        try (InputStream in = events(id)) {
            frameAtEpoch(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), 5);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int status = 200;
        while (status == 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = request("GET", "/api/sessions/" + id, null).statusCode();
        }
        assertEquals(404, status, "the session outlived its closed stream");
        assertEquals(0, server.sessionCount());
    }

    @Test
    void sessionsAndStreamsAreBounded() throws Exception {
        String first = create(null);
        String last = null;
        for (int i = 1; i < 4; i++) {
            last = create(null);
        }
        HttpResponse<String> full = request("POST", "/api/sessions", null);
        assertEquals(503, full.statusCode());
        assertTrue(full.body().contains("4 sessions"), full.body());
        try (InputStream in = events(first)) {
            HttpResponse<String> second = request("GET", "/api/sessions/" + first + "/events", null);
            assertEquals(409, second.statusCode(), second.body());
        }
        // closing the stream ended the first session; deleting another frees a place too
        assertEquals(204, request("DELETE", "/api/sessions/" + last, null).statusCode());
        assertEquals(404, request("GET", "/api/sessions/" + last, null).statusCode());
        create(null);
    }

    @Test
    void theServerListensOnlyOnTheLoopbackAddress() {
        URI url = server.url();
        assertEquals("127.0.0.1", url.getHost());
    }

    /** The status line of a raw HTTP/1.1 request with the given header lines, sent on a socket of its own. */
    private String raw(String method, String path, String... headers) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.url().getPort())) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            request.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    @Test
    void otherHostNamesAndOtherPagesAreRefused() throws Exception {
        int port = server.url().getPort();
        assertTrue(raw("GET", "/", "Host: attacker.example:" + port).contains(" 403 "), "a rebound DNS name");
        assertTrue(raw("POST", "/api/sessions", "Host: 127.0.0.1:" + port, "Origin: http://attacker.example",
                "Content-Type: text/plain").contains(" 403 "), "a cross-site POST");
        assertTrue(raw("GET", "/", "Host: 127.0.0.1").contains(" 200 "), "an HTTP/1.0-style Host without port");
        assertTrue(raw("POST", "/api/sessions", "Host: localhost:" + port, "Origin: http://localhost:" + port)
                .contains(" 201 "), "the page's own origin");
        assertEquals(1, server.sessionCount(), "only the own page's POST made a session");
    }

    @Test
    void halfSentRequestsDoNotStarveTheServer() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.url().getPort());
                socket.getOutputStream().write("POST /api/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            long start = System.nanoTime();
            String id = create(null);
            assertEquals(200, request("POST", "/api/sessions/" + id + "/step", "").statusCode());
            assertTrue(System.nanoTime() - start < 15_000_000_000L, "served while 12 clients hold half a request");
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }
}
