package io.backprop4j.cli.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.backprop4j.layers.Dense;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A playground session trains with the library and explains its backward pass with numbers that are right. */
class PlaygroundSessionTest {

    private static PlaygroundSession session(String settings) throws Exception {
        PlaygroundSession session = new PlaygroundSession("test", Settings.defaults());
        session.update(new ObjectMapper().readTree(settings));
        return session;
    }

    private static void train(PlaygroundSession session, int epochs) {
        for (int i = 0; i < epochs; i++) {
            session.step();
        }
        session.advance(Long.MAX_VALUE);
    }

    @Test
    void oneHiddenLayerOfFourTanhNeuronsSolvesTheCircle() throws Exception {
        PlaygroundSession session = session("{\"dataset\": \"circle\", \"hidden\": [4], \"learningRate\": 0.3}");
        double before = (double) session.frame().get("testLoss");
        train(session, 300);
        Map<String, Object> frame = session.frame();
        assertEquals(300, frame.get("epoch"));
        double after = (double) frame.get("testLoss");
        assertTrue(before > 0.5 && after < 0.05, "test loss " + before + " -> " + after);
    }

    @Test
    void theTracedGradientsMatchFiniteDifferencesOfTheLoss() throws Exception {
        PlaygroundSession session = session("{\"hidden\": [3, 2], \"activation\": \"sigmoid\", \"features\":"
                + " [\"x1\", \"x2\", \"x1*x2\"]}");
        train(session, 5);
        Map<String, Object> trace = session.trace(7);
        Network network = session.network();
        Points points = session.points();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> backward = (List<Map<String, Object>>) trace.get("backward");
        Map<String, Object> firstDense = backward.get(backward.size() - 1);
        double[][] traced = (double[][]) firstDense.get("weightGradient");
        Dense dense = (Dense) network.model().layers().get(0);
        INDArray w = dense.weights().value();
        INDArray x = points.trainSet().features().getRow(7, true);
        INDArray t = points.trainSet().labels().getRow(7, true);
        double h = 1e-2;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double original = w.getDouble(i, j);
                w.putScalar(i, j, original + h);
                double plus = network.lossFunction().value(network.model().forward(x, false), t);
                w.putScalar(i, j, original - h);
                double minus = network.lossFunction().value(network.model().forward(x, false), t);
                w.putScalar(i, j, original);
                double numeric = (plus - minus) / (2 * h);
                assertEquals(numeric, traced[i][j], 2e-3 * Math.max(1e-3, Math.abs(numeric)) + 1e-5,
                        "∂J/∂w" + i + j);
            }
        }
        // the chain rule of the sigmoid layer: ∂J/∂z = ∂J/∂a · σ'(z), σ' = σ(1 − σ)
        Map<String, Object> sigmoid = backward.get(backward.size() - 2);
        double[] z = (double[]) sigmoid.get("input");
        double[] local = (double[]) sigmoid.get("local");
        double[] gradOut = (double[]) sigmoid.get("gradOutput");
        double[] gradIn = (double[]) sigmoid.get("gradInput");
        for (int j = 0; j < 3; j++) {
            double s = 1 / (1 + Math.exp(-z[j]));
            assertEquals(s * (1 - s), local[j], 1e-6);
            assertEquals(gradOut[j] * local[j], gradIn[j], 1e-6);
        }
        assertThrows(BadRequest.class, () -> session.trace(10_000));
    }

    @Test
    void gradientNormsShrinkTowardTheInputInADeepSigmoidNet() throws Exception {
        PlaygroundSession session = session("{\"hidden\": [8, 8, 8, 8, 8, 8], \"activation\": \"sigmoid\"}");
        train(session, 1);
        @SuppressWarnings("unchecked")
        List<Double> norms = (List<Double>) session.frame().get("gradientNorms");
        assertEquals(7, norms.size());
        assertTrue(norms.get(0) < norms.get(6) / 10, "first layer " + norms.get(0) + ", last " + norms.get(6));
    }

    @Test
    void aRegressionSetTrainsWithTheSquaredError() throws Exception {
        PlaygroundSession session = session("{\"problem\": \"regression\", \"dataset\": \"plane\","
                + " \"hidden\": [], \"learningRate\": 0.1, \"regularization\": \"l2\", \"regularizationRate\": 0.001}");
        train(session, 50);
        double loss = (double) session.frame().get("testLoss");
        assertTrue(loss < 1e-3, "plane's test MSE " + loss);
    }
}
