package io.backprop4j.cli.playground;

/**
 * The JDK's HTTP server reads a request on a thread of the server's pool, so clients that send half a request
 * and wait would hold every thread. Its own limits close such a connection: a request must arrive whole within
 * {@value #REQUEST_SECONDS} s, checked every second. They are read once per JVM when the first server starts;
 * a value the user set on the command line is kept.
 */
final class SlowClients {

    static final int REQUEST_SECONDS = 3;

    private SlowClients() {
    }

    static void bound() {
        setUnlessGiven("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_SECONDS));
        setUnlessGiven("sun.net.httpserver.clockTick", "1000");
    }

    private static void setUnlessGiven(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
