package io.backprop4j.cli.playground;

/** A request the playground refuses: the server answers 400 with this message, and keeps serving. */
final class BadRequest extends RuntimeException {

    BadRequest(String message) {
        super(message);
    }
}
