package io.backprop4j.cli.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interactive playground: a web page on the loopback address where a student sets up a small network,
 * trains it with backprop4j, and watches the forward and backward passes. Each browser tab gets a session whose
 * training runs on the server and streams to the page as Server-Sent Events at {@link #FRAMES_PER_SECOND}
 * frames a second; closing the tab ends the stream and with it the session.
 *
 * <pre>{@code
 * try (PlaygroundServer server = PlaygroundServer.start(8080)) {
 *     System.out.println("Open " + server.url());
 *     server.awaitClose();
 * }
 * }</pre>
 *
 * <p>Bounds: at most {@code maxSessions} sessions (a 503 past that), one stream each, a thread per stream plus
 * four for requests, request bodies of at most 64 KiB, and a session that has had no stream and no request for
 * a minute is dropped.
 */
public final class PlaygroundServer implements AutoCloseable {

    public static final int FRAMES_PER_SECOND = 10;
    public static final int DEFAULT_MAX_SESSIONS = 8;

    private static final Logger LOG = LoggerFactory.getLogger(PlaygroundServer.class);
    private static final long FRAME_NANOS = 1_000_000_000L / FRAMES_PER_SECOND;
    private static final long TRAINING_BUDGET_NANOS = FRAME_NANOS * 6 / 10;
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** Threads beyond one per session's stream: requests, and clients that send half a request (dropped in 3 s). */
    private static final int SPARE_THREADS = 32;
    private static final Map<String, String> STATIC = Map.of(
            "/", "index.html", "/index.html", "index.html",
            "/playground.js", "playground.js", "/playground.css", "playground.css");

    private final HttpServer server;
    private final ThreadPoolExecutor threads;
    private final ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "playground-reaper");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, PlaygroundSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Boolean> streaming = new ConcurrentHashMap<>();
    private final int maxSessions;
    private final SecureRandom random = new SecureRandom();
    private volatile boolean closed;

    private PlaygroundServer(int port, int maxSessions) throws IOException {
        SlowClients.bound();
        this.maxSessions = maxSessions;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        threads = new ThreadPoolExecutor(maxSessions + SPARE_THREADS, maxSessions + SPARE_THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(64), r -> {
                    Thread t = new Thread(r, "playground-http");
                    t.setDaemon(true);
                    return t;
                });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        reaper.scheduleWithFixedDelay(this::dropIdleSessions, 5, 5, TimeUnit.SECONDS);
        server.start();
    }

    /** Starts serving on 127.0.0.1:{@code port} (0 picks a free port) for at most 8 sessions. */
    public static PlaygroundServer start(int port) throws IOException {
        return start(port, DEFAULT_MAX_SESSIONS);
    }

    public static PlaygroundServer start(int port, int maxSessions) throws IOException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("PlaygroundServer: port must be 0 to 65535, got " + port);
        }
        if (maxSessions < 1 || maxSessions > 64) {
            throw new IllegalArgumentException("PlaygroundServer: maxSessions must be 1 to 64, got " + maxSessions);
        }
        return new PlaygroundServer(port, maxSessions);
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8080/}. */
    public URI url() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/");
    }

    /** The sessions open now. */
    public int sessionCount() {
        return sessions.size();
    }

    /** Blocks until {@link #close} is called from another thread or the JVM shuts down. */
    public void awaitClose() throws InterruptedException {
        while (!closed) {
            Thread.sleep(200);
        }
    }

    @Override
    public void close() {
        closed = true;
        sessions.clear();
        reaper.shutdownNow();
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String refused = LoopbackGuard.refusal(exchange, server.getAddress().getPort());
            if (refused != null) {
                Exchanges.error(exchange, 403, refused);
                return;
            }
            try {
                route(exchange);
            } catch (BadRequest e) {
                Exchanges.error(exchange, 400, e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("playground request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(),
                        e);
                Exchanges.error(exchange, 500, "internal error: " + e.getClass().getSimpleName()
                        + "; the server log has the details");
            }
        } catch (IOException e) {
            LOG.debug("connection closed: {}", e.getMessage());
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (STATIC.containsKey(path)) {
            requireMethod(exchange, "GET");
            Exchanges.sendResource(exchange, STATIC.get(path));
            return;
        }
        List<String> parts = List.of(path.replaceAll("^/+|/+$", "").split("/+"));
        if (parts.size() < 2 || !parts.get(0).equals("api") || !parts.get(1).equals("sessions") || parts.size() > 4) {
            Exchanges.error(exchange, 404, "no such page: " + path);
            return;
        }
        if (parts.size() == 2) {
            requireMethod(exchange, "POST");
            create(exchange);
            return;
        }
        PlaygroundSession session = sessions.get(parts.get(2));
        if (session == null) {
            Exchanges.error(exchange, 404, "no session " + parts.get(2) + "; it was closed or never opened");
            return;
        }
        session.touch();
        if (parts.size() == 3) {
            if (method.equals("DELETE")) {
                sessions.remove(session.id());
                Exchanges.send(exchange, 204, null);
            } else {
                requireMethod(exchange, "GET");
                Exchanges.send(exchange, 200, session.status());
            }
            return;
        }
        String action = parts.get(3);
        if (action.equals("events")) {
            requireMethod(exchange, "GET");
            stream(exchange, session);
            return;
        }
        requireMethod(exchange, "POST");
        JsonNode body = Exchanges.body(exchange);
        switch (action) {
            case "settings" -> Exchanges.send(exchange, 200, session.update(body).toJson());
            case "play" -> session.play(true);
            case "pause" -> session.play(false);
            case "step" -> session.step();
            case "reset" -> session.reset();
            case "trace" -> Exchanges.send(exchange, 200, session.trace(pointIndex(body)));
            default -> {
                Exchanges.error(exchange, 404, "no action '" + action + "'; expected settings, play, pause, step,"
                        + " reset, trace or events");
                return;
            }
        }
        if (!action.equals("settings") && !action.equals("trace")) {
            Exchanges.send(exchange, 200, session.status());
        }
    }

    private static int pointIndex(JsonNode body) {
        JsonNode point = body.isObject() ? body.get("point") : null;
        if (point == null || !point.isIntegralNumber() || !point.canConvertToInt()) {
            throw new BadRequest("trace: expected {\"point\": INDEX} with a training point's index, got " + body);
        }
        return point.asInt();
    }

    private static void requireMethod(HttpExchange exchange, String method) {
        if (!exchange.getRequestMethod().equals(method)) {
            throw new BadRequest(exchange.getRequestURI().getPath() + " takes " + method + ", not "
                    + exchange.getRequestMethod());
        }
    }

    private void create(HttpExchange exchange) throws IOException {
        JsonNode body = Exchanges.body(exchange);
        Settings settings = body.isNull() ? Settings.defaults() : Settings.defaults().merge(body);
        String id = HexFormat.of().formatHex(random.generateSeed(12));
        synchronized (sessions) {
            if (sessions.size() >= maxSessions) {
                Exchanges.error(exchange, 503, "the playground is full: " + maxSessions + " sessions are open;"
                        + " close a tab and try again");
                return;
            }
            sessions.put(id, new PlaygroundSession(id, settings));
        }
        Exchanges.send(exchange, 201, Map.of("id", id, "settings", settings.toJson(), "options", Map.of(
                "datasets", Problem.ids(), "features", Feature.ids(), "activations", Settings.activations(),
                "regularizations", Settings.REGULARIZATIONS, "maxLayers", Settings.MAX_LAYERS,
                "maxNeurons", Settings.MAX_NEURONS)));
    }

    /**
     * The session's Server-Sent Events: a {@code data} event with the points whenever they change, and a
     * {@code frame} event at most {@link #FRAMES_PER_SECOND} times a second while anything changed (a comment
     * otherwise, which finds a closed tab). Training happens here, between frames; when the client goes away
     * the write fails and the session ends.
     */
    private void stream(HttpExchange exchange, PlaygroundSession session) throws IOException {
        if (streaming.putIfAbsent(session.id(), true) != null) {
            Exchanges.error(exchange, 409, "session " + session.id() + " already has an event stream");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        int dataVersion = -1;
        int version = -1;
        long lastWrite = 0;
        try (OutputStream out = exchange.getResponseBody()) {
            while (!closed && sessions.get(session.id()) == session) {
                long frameStart = System.nanoTime();
                session.touch();
                session.advance(TRAINING_BUDGET_NANOS);
                if (session.dataVersion() != dataVersion) {
                    dataVersion = session.dataVersion();
                    Exchanges.event(out, "data", session.data());
                }
                if (session.version() != version) {
                    version = session.version();
                    Exchanges.event(out, "frame", session.frame());
                    lastWrite = frameStart;
                } else if (frameStart - lastWrite > 1_000_000_000L) {
                    out.write(": waiting\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    lastWrite = frameStart;
                }
                long rest = FRAME_NANOS - (System.nanoTime() - frameStart);
                if (rest > 0) {
                    TimeUnit.NANOSECONDS.sleep(rest);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            streaming.remove(session.id());
            sessions.remove(session.id(), session);
        }
    }

    private void dropIdleSessions() {
        long now = System.nanoTime();
        sessions.values().removeIf(s -> !streaming.containsKey(s.id()) && now - s.lastActive() > IDLE_NANOS);
    }
}
