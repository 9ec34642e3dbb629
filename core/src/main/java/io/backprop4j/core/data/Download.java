package io.backprop4j.core.data;

import io.backprop4j.core.AtomicFile;
import io.backprop4j.core.FileFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a file over HTTP(S) and keeps it only if its SHA-256 is the published one, as torchvision and
 * Keras do with their data sets. The file appears at its target atomically, complete and verified, or
 * not at all.
 */
public final class Download {

    private static final Logger LOG = LoggerFactory.getLogger(Download.class);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private Download() {
    }

    /** Downloads {@code source} to {@code target}; fails, leaving no file, unless its SHA-256 is {@code sha256}. */
    public static void verified(URI source, String sha256, Path target) throws IOException {
        LOG.info("Downloading {} to {}", source, target);
        HttpResponse<InputStream> response;
        try {
            response = CLIENT.send(HttpRequest.newBuilder(source).timeout(Duration.ofMinutes(10)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new IOException("Cannot download " + source + " (no network? " + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Download of " + source + " interrupted", e);
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("Cannot download " + source + ": the server answered HTTP " + response.statusCode());
        }
        AtomicFile.write(target, out -> {
            MessageDigest digest = sha256();
            try (InputStream in = new DigestInputStream(response.body(), digest)) {
                in.transferTo(out);
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equalsIgnoreCase(sha256)) {
                throw new FileFormatException(source + ": downloaded file has SHA-256 " + actual + " but "
                        + sha256 + " was expected; it was not kept");
            }
        });
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
