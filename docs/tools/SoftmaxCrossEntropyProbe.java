import io.backprop4j.layers.losses.SoftmaxCrossEntropy;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Times SoftmaxCrossEntropy's value and gradient on [128, 10] float32 logits, 20,000 calls a round, five rounds
 * (the last ones are warm), and with {@code evaluate} (one log-softmax for both) where the build has it. With the
 * jars of a build:
 *
 * <pre>
 * CP=$(ls benchmarks/target/lib/*.jar | tr '\n' ':')
 * javac -cp "$CP" -d /tmp/probe docs/tools/SoftmaxCrossEntropyProbe.java && java -cp "$CP:/tmp/probe" SoftmaxCrossEntropyProbe
 * </pre>
 */
public class SoftmaxCrossEntropyProbe {
    public static void main(String[] args) {
        INDArray logits = Nd4j.randn(DataType.FLOAT, 128, 10);
        INDArray targets = Nd4j.zeros(DataType.FLOAT, 128, 10);
        for (int i = 0; i < 128; i++) {
            targets.putScalar(i, i % 10, 1);
        }
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            double sink = 0;
            for (int i = 0; i < 20000; i++) {
                sink += loss.value(logits, targets) + loss.gradient(logits, targets).getFloat(0);
            }
            System.out.printf("round %d: %.1f µs per value and gradient (%s)%n", round,
                    (System.nanoTime() - start) / 20000 / 1e3, sink != 0);
        }
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            double sink = 0;
            for (int i = 0; i < 20000; i++) {
                SoftmaxCrossEntropy.Result result = loss.evaluate(logits, targets);
                sink += result.value() + result.gradient().getFloat(0);
            }
            System.out.printf("round %d: %.1f µs per evaluate (%s)%n", round,
                    (System.nanoTime() - start) / 20000 / 1e3, sink != 0);
        }
    }
}
