package io.backprop4j.layers;

import io.backprop4j.core.Buffers;
import io.backprop4j.core.Parameter;
import io.backprop4j.core.Rng;
import io.backprop4j.core.Shapes;
import io.backprop4j.core.WeightInit;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.indexaccum.custom.ArgMax;
import org.nd4j.linalg.api.ops.impl.reduce.same.Max;
import org.nd4j.linalg.api.ops.impl.shape.OneHot;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Maxout (Goodfellow et al. 2013): each output is the largest of k linear pieces,
 * {@code y_j = max_p (x·W_{j,p} + b_{j,p})}. The k·out pieces are one {@link Dense} layer whose column
 * {@code j·k + p} is piece p of unit j. Backward routes {@code ∂J/∂y_j} to the winning piece only (the
 * max gate) and continues through that Dense layer.
 */
public final class Maxout implements Layer {

    /** Its name in saved models, and how one is rebuilt from its saved configuration. */
    public static final LayerType TYPE = LayerType.of("Maxout", Maxout.class, Maxout::fromConfig);

    private final int out;
    private final int pieces;
    private final Dense linear;
    private INDArray pieceValues;
    private INDArray output;
    private INDArray winners;
    private INDArray routed;

    public Maxout(int in, int out, int pieces) {
        this(in, out, pieces, DataType.FLOAT);
    }

    public Maxout(int in, int out, int pieces, DataType dataType) {
        if (pieces < 2) {
            throw new IllegalArgumentException("Maxout: needs at least 2 pieces per unit, got " + pieces);
        }
        this.out = out;
        this.pieces = pieces;
        this.linear = new Dense(in, out * pieces, WeightInit.XAVIER_UNIFORM, dataType);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        pieceValues = linear.forward(x, training).reshape('c', x.rows(), out, pieces);
        output = Buffers.reuse(output, x.dataType(), 'c', x.rows(), out);
        return Nd4j.exec(new Max(pieceValues, output, false, 2));
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        Shapes.requireSameShape(name(), "gradient ∂J/∂y", gradOut, "its output", output);
        long batch = pieceValues.size(0);
        winners = Buffers.reuse(winners, DataType.LONG, 'c', batch, out);
        Nd4j.exec(new ArgMax(new INDArray[] {pieceValues}, new INDArray[] {winners}, false, 2));
        routed = Buffers.reuse(routed, gradOut.dataType(), 'c', batch, out, pieces);
        Nd4j.exec(new OneHot(winners, routed, pieces, -1, 1.0, 0.0));
        Nd4j.exec(new BroadcastMulOp(routed, gradOut, routed, 0, 1));
        return linear.backward(routed.reshape(batch, (long) out * pieces));
    }

    @Override
    public List<Parameter> parameters() {
        return linear.parameters();
    }

    @Override
    public void initialize(Rng rng) {
        linear.initialize(rng);
    }

    /** Rebuilds the layer from its saved {@link #config()} (Keras's {@code from_config}). */
    public static Maxout fromConfig(LayerConfig c) {
        return new Maxout(c.integer("in"), c.integer("out"), c.integer("pieces"), c.dataType());
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("in", (int) linear.weights().value().rows(), "out", out, "pieces", pieces);
    }

    @Override
    public String name() {
        return "Maxout(" + linear.weights().value().rows() + "→" + out + ", k=" + pieces + ")";
    }
}
