package io.backprop4j.cli.playground;

import com.sun.net.httpserver.HttpExchange;
import java.util.Set;

/**
 * What keeps other web pages and other hosts' names out of a server that listens on the loopback address only: the
 * {@code Host} header must name the loopback address (and the server's port, if it names one), so that a DNS name
 * rebound to 127.0.0.1 is refused, and a request that changes state must come from the server's own page when it says where
 * it comes from ({@code Origin}), which every browser does for a cross-site POST.
 */
final class LoopbackGuard {

    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

    private LoopbackGuard() {
    }

    /** Why {@code exchange} is refused, or null when it may proceed. */
    static String refusal(HttpExchange exchange, int port) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null || !loopback(host.strip(), port)) {
            return "this server answers only requests to 127.0.0.1:" + port + " or localhost:" + port + ", not to "
                    + (host == null ? "no Host" : "'" + host + "'");
        }
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (!exchange.getRequestMethod().equals("GET") && origin != null && !ownPage(origin.strip(), port)) {
            return "requests that change a session come from the playground's own page, not from '" + origin + "'";
        }
        return null;
    }

    /** Whether {@code origin} is {@code http://} and a loopback name with this server's port. */
    private static boolean ownPage(String origin, int port) {
        return origin.startsWith("http://") && origin.indexOf(':', 7) > 0 && loopback(origin.substring(7), port);
    }

    /** Whether {@code hostAndPort} is a loopback name, with {@code port} or no port (HTTP/1.0 clients send none). */
    private static boolean loopback(String hostAndPort, int port) {
        if (LOOPBACK_NAMES.contains(hostAndPort)) {
            return true;
        }
        int colon = hostAndPort.lastIndexOf(':');
        return colon > 0 && LOOPBACK_NAMES.contains(hostAndPort.substring(0, colon))
                && hostAndPort.substring(colon + 1).equals(Integer.toString(port));
    }
}
