package io.backprop4j.layers.io;

import io.backprop4j.core.Archive;
import io.backprop4j.core.FileFormatException;
import io.backprop4j.core.Npy;
import io.backprop4j.core.Parameter;
import io.backprop4j.core.ResidentMemory;
import io.backprop4j.core.Shapes;
import io.backprop4j.layers.Layer;
import io.backprop4j.layers.LayerConfig;
import io.backprop4j.layers.LayerRegistry;
import io.backprop4j.layers.Sequential;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.core.JsonProcessingException;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.SerializationFeature;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * A model as one zip file: {@code model.json} holds the architecture (each layer's type and
 * {@link Layer#config()}), the data type, every parameter's name and shape, and free-form metadata
 * (class names, the training command); {@code parameters/NAME.npy} holds each parameter in NumPy's format,
 * and {@code buffers/NAME.npy} each untrained state array (BatchNorm's running statistics).
 * Writing is atomic. Loading rebuilds the layers from the registry and refuses, before any weight is
 * set, a file whose parameters do not fit that architecture exactly.
 */
public final class ModelFile {

    /** A loaded model and the metadata saved with it. */
    public record Saved(Sequential model, Map<String, Object> metadata) {

        /** The class names the model was trained with ({@code metadata.classNames}), or empty if it has none. */
        public List<String> classNames() {
            Object names = metadata.get("classNames");
            if (names == null) {
                return List.of();
            }
            if (!(names instanceof List<?> list) || list.stream().anyMatch(name -> !(name instanceof String))) {
                throw new IllegalArgumentException("the model's metadata.classNames is not a list of names: " + names);
            }
            return list.stream().map(String.class::cast).toList();
        }
    }

    public static final String FORMAT = "backprop4j-model";
    public static final int VERSION = 1;
    public static final String MANIFEST = "model.json";

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ModelFile() {
    }

    public static void save(Layer model, Path file) throws IOException {
        save(model, Map.of(), file);
    }

    public static void save(Layer model, Map<String, Object> metadata, Path file) throws IOException {
        Archive.write(file, entries(model, metadata));
    }

    /**
     * Writes {@code model} as an ONNX model (opset 20) for inference in any ONNX runtime: input {@code x} of a
     * symbolic batch size, one output. A layer with no ONNX operator (Maxout) is refused, naming it, and nothing
     * is written; the file is replaced atomically.
     */
    public static void exportOnnx(Layer model, Path file) throws IOException {
        OnnxExport.write(model, file);
    }

    public static Saved load(Path file) throws IOException {
        Saved saved = fromEntries(Archive.read(file), file.toString());
        ResidentMemory.collectAfterInference();
        return saved;
    }

    /**
     * The archive entries of a model (any layer, saved as a Sequential of it): the manifest, then one {@code .npy}
     * per parameter.
     */
    public static Map<String, byte[]> entries(Layer network, Map<String, Object> metadata) {
        Sequential model = Sequential.wrapping(network);
        ObjectNode manifest = JSON.createObjectNode().put("format", FORMAT).put("version", VERSION)
                .put("dataType", dataType(model).name());
        ArrayNode layers = manifest.putArray("layers");
        for (Layer layer : model.layers()) {
            layers.add(LayerDescription.of(layer));
        }
        ObjectNode shapes = manifest.putObject("parameters");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(MANIFEST, null);
        for (Parameter p : model.parameters()) {
            shapes.set(p.name(), JSON.valueToTree(p.value().shape()));
            entries.put(parameterEntry(p.name()), Npy.toBytes(p.value()));
        }
        ObjectNode bufferShapes = manifest.putObject("buffers");
        for (Map.Entry<String, INDArray> buffer : model.buffers().entrySet()) {
            bufferShapes.set(buffer.getKey(), JSON.valueToTree(buffer.getValue().shape()));
            entries.put(bufferEntry(buffer.getKey()), Npy.toBytes(buffer.getValue()));
        }
        manifest.set("metadata", JSON.valueToTree(metadata));
        try {
            entries.put(MANIFEST, JSON.writeValueAsBytes(manifest));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Model metadata cannot be written as JSON: " + e.getMessage(), e);
        }
        return entries;
    }

    /** Rebuilds a model from archive entries; {@code source} names the file in errors. */
    public static Saved fromEntries(Map<String, byte[]> entries, String source) throws FileFormatException {
        JsonNode manifest = manifest(entries, source);
        DataType dataType = dataType(manifest, source);
        Sequential model = architecture(manifest, dataType, source);
        JsonNode shapes = manifest.path("parameters");
        Set<String> expected = new HashSet<>();
        List<INDArray> values = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            expected.add(p.name());
            INDArray value = parameter(entries, p, source);
            if (!Arrays.equals(value.shape(), p.value().shape()) || value.dataType() != dataType) {
                throw new FileFormatException(source + ": parameter " + p.name() + " is " + value.dataType()
                        + Arrays.toString(value.shape()) + " in the file but the architecture needs " + dataType
                        + Arrays.toString(p.value().shape()));
            }
            requireFinite(source, "parameter " + p.name(), value);
            values.add(value);
        }
        for (String name : iterable(shapes.fieldNames())) {
            if (!expected.contains(name)) {
                throw new FileFormatException(source + ": parameter " + name + " is not part of the architecture "
                        + model.name() + "; the file is not this model's");
            }
        }
        Map<String, INDArray> buffers = buffers(entries, model, manifest.path("buffers"), dataType, source);
        for (Map.Entry<String, INDArray> buffer : buffers.entrySet()) {
            requireFinite(source, "buffer " + buffer.getKey(), buffer.getValue());
        }
        for (int i = 0; i < values.size(); i++) {
            model.parameters().get(i).value().assign(values.get(i));
            release(values.get(i));
        }
        buffers.forEach((name, value) -> {
            model.buffers().get(name).assign(value);
            release(value);
        });
        Map<String, Object> metadata = new LinkedHashMap<>();
        manifest.path("metadata").fields().forEachRemaining(f -> metadata.put(f.getKey(), JSON.convertValue(
                f.getValue(), Object.class)));
        return new Saved(model, metadata);
    }

    /** Frees a parsed array's native memory now, once its values are copied, instead of at a later collection. */
    private static void release(INDArray parsed) {
        if (parsed.closeable()) {
            parsed.close();
        }
    }

    /**
     * Refuses a stored array that holds NaN or ±∞, naming the file, the array and the first such entry: a model
     * loaded with one would answer every input with the same wrong class, silently.
     */
    public static void requireFinite(String source, String what, INDArray value) throws FileFormatException {
        String found = Shapes.firstNonFinite(value);
        if (found != null) {
            throw new FileFormatException(source + ": " + what + " holds " + found + "; a model with non-finite "
                    + "values cannot give meaningful outputs, so it is not loaded");
        }
    }

    static JsonNode manifest(Map<String, byte[]> entries, String source) throws FileFormatException {
        byte[] bytes = entries.get(MANIFEST);
        if (bytes == null) {
            throw new FileFormatException(source + ": no " + MANIFEST + " inside; not a backprop4j model file "
                    + "(it holds " + entries.keySet().stream().limit(5).toList() + ")");
        }
        JsonNode manifest;
        try {
            manifest = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new FileFormatException(source + ": " + MANIFEST + " is not valid JSON (" + e.getMessage() + ")", e);
        }
        if (manifest == null || !FORMAT.equals(manifest.path("format").asText())) {
            throw new FileFormatException(source + ": " + MANIFEST + " does not declare \"format\": \"" + FORMAT
                    + "\"; not a backprop4j model file");
        }
        if (manifest.path("version").asInt() != VERSION) {
            throw new FileFormatException(source + ": model format version " + manifest.path("version")
                    + " cannot be read; this build reads version " + VERSION);
        }
        return manifest;
    }

    private static DataType dataType(JsonNode manifest, String source) throws FileFormatException {
        String name = manifest.path("dataType").asText();
        if (!name.equals("FLOAT") && !name.equals("DOUBLE")) {
            throw new FileFormatException(source + ": data type '" + name + "' is not FLOAT or DOUBLE");
        }
        return DataType.valueOf(name);
    }

    private static Sequential architecture(JsonNode manifest, DataType dataType, String source)
            throws FileFormatException {
        JsonNode layers = manifest.path("layers");
        if (!layers.isArray() || layers.isEmpty()) {
            throw new FileFormatException(source + ": " + MANIFEST + " lists no layers");
        }
        List<Layer> built = new ArrayList<>();
        for (JsonNode layer : layers) {
            String type = layer.path("type").asText();
            try {
                Map<String, Object> config = new LinkedHashMap<>();
                layer.path("config").fields().forEachRemaining(f -> config.put(f.getKey(),
                        JSON.convertValue(f.getValue(), Object.class)));
                built.add(LayerRegistry.create(new LayerConfig(type, config, dataType)));
            } catch (RuntimeException e) {
                throw new FileFormatException(source + ": layer " + built.size() + " (" + type + ") cannot be "
                        + "built: " + e.getMessage(), e);
            }
        }
        return Sequential.of(built.toArray(Layer[]::new));
    }

    private static INDArray parameter(Map<String, byte[]> entries, Parameter p, String source)
            throws FileFormatException {
        byte[] bytes = entries.get(parameterEntry(p.name()));
        if (bytes == null) {
            throw new FileFormatException(source + ": parameter " + p.name() + " of the architecture is missing ("
                    + parameterEntry(p.name()) + ")");
        }
        return Npy.fromBytes(bytes, source + "!" + parameterEntry(p.name()));
    }

    /** The saved value of every buffer of {@code model}, each checked against the buffer's shape and type. */
    private static Map<String, INDArray> buffers(Map<String, byte[]> entries, Sequential model, JsonNode listed,
                                                 DataType dataType, String source) throws FileFormatException {
        Map<String, INDArray> values = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> buffer : model.buffers().entrySet()) {
            String entry = bufferEntry(buffer.getKey());
            byte[] bytes = entries.get(entry);
            if (bytes == null) {
                throw new FileFormatException(source + ": buffer " + buffer.getKey() + " of the architecture is "
                        + "missing (" + entry + ")");
            }
            INDArray value = Npy.fromBytes(bytes, source + "!" + entry);
            if (!Arrays.equals(value.shape(), buffer.getValue().shape()) || value.dataType() != dataType) {
                throw new FileFormatException(source + ": buffer " + buffer.getKey() + " is " + value.dataType()
                        + Arrays.toString(value.shape()) + " in the file but the architecture needs " + dataType
                        + Arrays.toString(buffer.getValue().shape()));
            }
            values.put(buffer.getKey(), value);
        }
        for (String name : iterable(listed.fieldNames())) {
            if (!values.containsKey(name)) {
                throw new FileFormatException(source + ": buffer " + name + " is not part of the architecture "
                        + model.name() + "; the file is not this model's");
            }
        }
        return values;
    }

    static String bufferEntry(String name) {
        return "buffers/" + name + ".npy";
    }

    static String parameterEntry(String name) {
        return "parameters/" + name + ".npy";
    }

    private static DataType dataType(Sequential model) {
        return model.parameters().isEmpty() ? DataType.FLOAT : model.parameters().get(0).value().dataType();
    }

    private static <T> Iterable<T> iterable(Iterator<T> iterator) {
        return () -> iterator;
    }
}
