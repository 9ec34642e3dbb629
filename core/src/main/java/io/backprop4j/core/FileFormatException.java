package io.backprop4j.core;

import java.io.IOException;

/**
 * A file that is not what it should be: a wrong magic number, a truncated body, sizes that do not agree,
 * or content from another program. The message names the file, what was expected and what was found.
 */
public class FileFormatException extends IOException {

    public FileFormatException(String message) {
        super(message);
    }

    public FileFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
