package io.backprop4j.cli.playground;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Reading JSON requests and writing JSON answers over the JDK's HTTP server, with bounded request bodies. */
final class Exchanges {

    /** The largest request body read: settings and commands are a few hundred bytes. */
    static final int MAX_BODY = 64 * 1024;

    static final ObjectMapper JSON = new ObjectMapper();

    private Exchanges() {
    }

    /** The request body as JSON; {@code null} JSON for an empty body; a 400 for malformed or oversized bodies. */
    static JsonNode body(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            throw new BadRequest("the request body is over " + MAX_BODY + " bytes");
        }
        if (bytes.length == 0) {
            return NullNode.getInstance();
        }
        try {
            return JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new BadRequest("malformed JSON: " + e.getOriginalMessage());
        }
    }

    static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void error(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, status, Map.of("error", message));
    }

    /** One Server-Sent Event {@code name} whose data is {@code data} as JSON. */
    static void event(OutputStream out, String name, Object data) throws IOException {
        out.write(("event: " + name + "\ndata: ").getBytes(StandardCharsets.UTF_8));
        out.write(Exchanges.JSON.writeValueAsBytes(data));
        out.write("\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The playground page's file {@code name} from the jar's resources. */
    static void sendResource(HttpExchange exchange, String name) throws IOException {
        try (InputStream in = PlaygroundServer.class.getResourceAsStream("/playground/" + name)) {
            if (in == null) {
                Exchanges.error(exchange, 404, "missing resource " + name);
                return;
            }
            byte[] bytes = in.readAllBytes();
            String type = name.endsWith(".html") ? "text/html" : name.endsWith(".js") ? "text/javascript"
                    : "text/css";
            exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
