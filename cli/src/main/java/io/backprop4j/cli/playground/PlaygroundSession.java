package io.backprop4j.cli.playground;

import com.fasterxml.jackson.databind.JsonNode;
import io.backprop4j.optim.callbacks.TrainingDivergedException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One browser tab's playground: its settings, data and network. The tab's event stream trains it (one epoch per
 * step, as many as fit in a frame's budget while playing) and draws it; control requests from other threads take
 * the same lock, so the network is only ever used by one thread at a time.
 */
final class PlaygroundSession {

    private final String id;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicInteger pendingSteps = new AtomicInteger();
    private volatile boolean playing;
    private volatile long lastActive = System.nanoTime();
    private Settings settings;
    private Points points;
    private INDArray gridFeatures;
    private Network network;
    private int initializations;
    private int version;
    private int dataVersion;
    private String error;

    PlaygroundSession(String id, Settings settings) {
        this.id = id;
        this.settings = settings;
        regenerate();
    }

    String id() {
        return id;
    }

    long lastActive() {
        return lastActive;
    }

    void touch() {
        lastActive = System.nanoTime();
    }

    /**
     * Changes the settings: new data when the data set, split, noise or seed changes; a new network when the
     * features or layers change; otherwise the new learning rate, regularization or batch size from the next epoch.
     */
    Settings update(JsonNode body) {
        lock.lock();
        try {
            Settings old = settings;
            settings = settings.merge(body);
            boolean newData = old.dataset() != settings.dataset() || old.trainPercent() != settings.trainPercent()
                    || old.noise() != settings.noise() || old.seed() != settings.seed()
                    || !old.features().equals(settings.features());
            if (newData) {
                regenerate();
            } else if (!old.hidden().equals(settings.hidden()) || !old.activation().equals(settings.activation())) {
                reset();
            } else {
                network.retune(settings);
                version++;
            }
            return settings;
        } finally {
            lock.unlock();
        }
    }

    /** New weights, drawn with the next seed, on the same data; the epoch count starts again at 0. */
    void reset() {
        lock.lock();
        try {
            network = new Network(settings, settings.seed() * 7919 + initializations++);
            error = null;
            playing = false;
            version++;
        } finally {
            lock.unlock();
        }
    }

    private void regenerate() {
        points = Points.of(settings);
        gridFeatures = Nd4j.create(Points.features(Frame.gridPoints(), settings.features())).castTo(DataType.FLOAT);
        dataVersion++;
        reset();
    }

    void play(boolean on) {
        playing = on;
        lock.lock();
        try {
            version++;
        } finally {
            lock.unlock();
        }
    }

    void step() {
        playing = false;
        pendingSteps.incrementAndGet();
    }

    /**
     * Trains while playing until {@code budgetNanos} have passed (at least one epoch), or one epoch per step asked
     * for; a diverging network pauses with its error shown.
     */
    void advance(long budgetNanos) {
        long start = System.nanoTime();
        lock.lock();
        try {
            while (true) {
                boolean step = pendingSteps.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
                if (!step && !(playing && error == null)) {
                    break;
                }
                if (error == null) {
                    trainEpoch();
                }
                if (System.nanoTime() - start > budgetNanos) {
                    break;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void trainEpoch() {
        try {
            network.trainEpoch(points, settings.batchSize(), settings.seed());
        } catch (TrainingDivergedException e) {
            error = "training diverged: " + e.getMessage() + "; lower the learning rate and reset";
            playing = false;
        }
        version++;
    }

    int version() {
        return version;
    }

    int dataVersion() {
        return dataVersion;
    }

    /** The epoch, losses, playing state, settings and the drawing of {@link Frame}. */
    Map<String, Object> frame() {
        lock.lock();
        try {
            Map<String, Object> frame = new LinkedHashMap<>();
            frame.put("epoch", network.epoch());
            frame.put("playing", playing);
            frame.put("trainLoss", network.loss(points.trainSet()));
            frame.put("testLoss", network.loss(points.testSet()));
            frame.put("error", error);
            frame.putAll(Frame.of(network, gridFeatures, settings.dataset().regression()));
            return frame;
        } finally {
            lock.unlock();
        }
    }

    /** The settings, feature names and the training and test points (x₁, x₂, target). */
    Map<String, Object> data() {
        lock.lock();
        try {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("settings", settings.toJson());
            data.put("features", settings.features().stream().map(Feature::label).toList());
            data.put("train", points.train());
            data.put("test", points.test());
            return data;
        } finally {
            lock.unlock();
        }
    }

    /** Backpropagation of training point {@code index}, layer by layer: {@link Trace}. */
    Map<String, Object> trace(int index) {
        lock.lock();
        try {
            if (index < 0 || index >= points.train().length) {
                throw new BadRequest("point: expected a training point from 0 to " + (points.train().length - 1)
                        + ", got " + index);
            }
            return Trace.of(network, points, settings.features(), index, settings.dataset().regression());
        } finally {
            lock.unlock();
        }
    }

    Map<String, Object> status() {
        lock.lock();
        try {
            return Map.of("id", id, "epoch", network.epoch(), "playing", playing, "settings", settings.toJson());
        } finally {
            lock.unlock();
        }
    }

    /** The network, for tests in this package; hold no reference across requests. */
    Network network() {
        return network;
    }

    Points points() {
        return points;
    }
}
