package io.backprop4j.cli.commands;

import io.backprop4j.layers.Sequential;
import io.backprop4j.layers.io.ModelFile;
import io.backprop4j.layers.io.StateDict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code export}: a saved model as an ONNX model (for ONNX Runtime and every other ONNX consumer) or as a
 * PyTorch {@code state_dict} in an {@code .npz} archive.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes a saved model as ONNX (--format onnx) or as a PyTorch state_dict of NumPy arrays "
                + "(--format state-dict).")
public final class ExportCommand implements Callable<Integer> {

    /** The export formats. */
    enum Format {
        ONNX, STATE_DICT;

        /** Reads {@code onnx} and {@code state-dict}. */
        static Format of(String value) {
            return switch (value) {
                case "onnx" -> ONNX;
                case "state-dict" -> STATE_DICT;
                default -> throw new TypeConversionException("expected onnx or state-dict, got '" + value + "'");
            };
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "model zip written by train --save")
    Path model;

    @Option(names = "--format", required = true,
            description = "onnx or state-dict")
    Format format;

    @Option(names = "--output", required = true, description = "the file to write (.onnx or .npz)")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(output) && Files.exists(model) && Files.isSameFile(output, model)) {
            throw new ParameterException(spec.commandLine(), "--output " + output + " is the --model file itself; "
                    + "writing the export there would destroy the model, so name another file");
        }
        Path file = OutputFiles.requireWritable("--output", output);
        Sequential network = ModelFile.load(model).model();
        if (format == Format.ONNX) {
            ModelFile.exportOnnx(network, file);
        } else {
            StateDict.save(network, file);
        }
        System.out.printf(Locale.ROOT, "%s written as %s to %s%n", model, format == Format.ONNX ? "ONNX"
                : "a PyTorch state_dict", output);
        return 0;
    }
}
