package io.backprop4j.layers;

import io.backprop4j.core.Buffers;
import io.backprop4j.core.Parameter;
import io.backprop4j.core.Rng;
import io.backprop4j.core.Shapes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A residual block, {@code y = x + f(x)} (He et al., 2016), or {@code y = P(x) + f(x)} with a projection P
 * where f changes the shape. Backward: ∂J/∂x = ∂J/∂y·∂f/∂x + ∂J/∂y (or + its backward through P): the gradient
 * reaches x both through the body and around it. The body's parameters are named {@code body.NAME}, the
 * projection's {@code projection.NAME}.
 */
public final class Residual implements Layer, OnnxExportable {

    /** Its name in saved models, and how one is rebuilt from its saved configuration. */
    public static final LayerType TYPE = LayerType.of("Residual", Residual.class, Residual::fromConfig);

    private final Layer body;
    private final Layer projection;
    private final List<Parameter> parameters;
    private INDArray output;
    private INDArray gradInput;

    /** {@code y = x + body(x)}; the body must keep the shape of its input. */
    public Residual(Layer body) {
        this(body, null);
    }

    /** {@code y = projection(x) + body(x)}, e.g. a Dense or 1×1 Conv2d projection where the body changes the width. */
    public Residual(Layer body, Layer projection) {
        this.body = body;
        this.projection = projection;
        List<Parameter> named = new ArrayList<>();
        body.parameters().forEach(p -> named.add(p.renamed("body." + p.name())));
        if (projection != null) {
            projection.parameters().forEach(p -> named.add(p.renamed("projection." + p.name())));
        }
        this.parameters = List.copyOf(named);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        INDArray fx = body.forward(x, training);
        INDArray shortcut = projection == null ? x : projection.forward(x, training);
        Shapes.requireSameShape(name(), "the body's output", fx, projection == null ? "its input" : "the projection's",
                shortcut);
        output = Buffers.like(output, fx).assign(fx).addi(shortcut);
        return output;
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        INDArray throughBody = body.backward(gradOut);
        gradInput = Buffers.like(gradInput, throughBody).assign(throughBody);
        return gradInput.addi(projection == null ? gradOut : projection.backward(gradOut));
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public Map<String, INDArray> buffers() {
        return named(body.buffers(), projection == null ? Map.of() : projection.buffers());
    }

    @Override
    public Map<String, Rng> generators() {
        return named(body.generators(), projection == null ? Map.of() : projection.generators());
    }

    /** The body's entries as {@code body.NAME}, then the projection's as {@code projection.NAME}. */
    private static <T> Map<String, T> named(Map<String, T> ofBody, Map<String, T> ofProjection) {
        Map<String, T> named = new LinkedHashMap<>();
        ofBody.forEach((name, value) -> named.put("body." + name, value));
        ofProjection.forEach((name, value) -> named.put("projection." + name, value));
        return named;
    }

    @Override
    public void initialize(Rng rng) {
        body.initialize(rng);
        if (projection != null) {
            projection.initialize(rng);
        }
    }

    /** The body, and the projection when there is one, as layers that a model file describes in place. */

    /** Rebuilds the layer from its saved {@link #config()} (Keras's {@code from_config}). */
    public static Residual fromConfig(LayerConfig c) {
        return c.has("projection") ? new Residual(c.layer("body"), c.layer("projection"))
                : new Residual(c.layer("body"));
    }

    @Override
    public Map<String, Object> config() {
        return projection == null ? Map.of("body", body) : Map.of("body", body, "projection", projection);
    }

    @Override
    public String name() {
        return "Residual(" + body.name() + (projection == null ? "" : ", projection " + projection.name()) + ")";
    }

    /** {@code Add(body(x), x)}, or with the projection {@code Add(body(x), projection(x))}. */
    @Override
    public String toOnnx(OnnxBuilder onnx, String x) {
        int inputRank = onnx.rank();
        String y = onnx.layer(body, x);
        int outputRank = onnx.rank();
        onnx.rank(inputRank);
        String shortcut = projection == null ? x : onnx.layer(projection, x);
        onnx.rank(outputRank);
        return onnx.node("Add", y, shortcut);
    }
}
