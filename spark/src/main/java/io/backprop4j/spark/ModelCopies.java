package io.backprop4j.spark;

import io.backprop4j.core.FileFormatException;
import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.io.ModelFile;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.broadcast.Broadcast;

/**
 * The executor's copies of a broadcast model: a task borrows one, sets its weights and runs it, and gives it back,
 * so a model file is decoded once per task slot, not once per step; tasks running at once on one executor get
 * copies of their own, since a model being trained is one thread's. Copies of the {@value #FITS} most recent
 * broadcasts are kept.
 */
final class ModelCopies {

    private static final int FITS = 4;
    private static final Map<Long, Deque<Sequential>> IDLE = new LinkedHashMap<>();

    private ModelCopies() {
    }

    /** A copy of the model in {@code file} (its {@link ModelFile#entries}) for this task alone. */
    static synchronized Sequential borrow(Broadcast<Map<String, byte[]>> file) {
        Deque<Sequential> idle = IDLE.get(file.id());
        if (idle != null && !idle.isEmpty()) {
            return idle.pop();
        }
        try {
            return ModelFile.fromEntries(file.value(), "the broadcast model").model();
        } catch (FileFormatException e) {
            throw new IllegalStateException("the broadcast model cannot be read: " + e.getMessage(), e);
        }
    }

    /** Gives a borrowed copy back for the next task. */
    static synchronized void giveBack(Broadcast<Map<String, byte[]>> file, Sequential copy) {
        IDLE.computeIfAbsent(file.id(), id -> new ArrayDeque<>()).push(copy);
        Iterator<Long> oldest = IDLE.keySet().iterator();
        while (IDLE.size() > FITS) {
            oldest.next();
            oldest.remove();
        }
    }
}
