package io.backprop4j.layers;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A layer's saved constructor arguments ({@link io.backprop4j.layers.Layer#config()}) and the model's
 * data type, with typed getters that say which argument is missing or of the wrong kind.
 */
public record LayerConfig(String type, Map<String, Object> values, DataType dataType) {

    public int integer(String key) {
        if (value(key) instanceof Number number && number.doubleValue() == number.intValue()) {
            return number.intValue();
        }
        throw wrong(key, "an integer");
    }

    public double real(String key) {
        if (value(key) instanceof Number number) {
            return number.doubleValue();
        }
        throw wrong(key, "a number");
    }

    public boolean flag(String key) {
        if (value(key) instanceof Boolean flag) {
            return flag;
        }
        throw wrong(key, "true or false");
    }

    public long[] sizes(String key) {
        if (value(key) instanceof List<?> list && list.stream().allMatch(v -> v instanceof Number n
                && n.doubleValue() == n.longValue())) {
            return list.stream().mapToLong(v -> ((Number) v).longValue()).toArray();
        }
        throw wrong(key, "a list of integers");
    }

    public <E extends Enum<E>> E constant(String key, Class<E> type) {
        if (value(key) instanceof String name) {
            try {
                return Enum.valueOf(type, name);
            } catch (IllegalArgumentException e) {
                throw wrong(key, "one of " + Arrays.toString(type.getEnumConstants()));
            }
        }
        throw wrong(key, "a name");
    }

    public String text(String key) {
        if (value(key) instanceof String text) {
            return text;
        }
        throw wrong(key, "a name");
    }

    /** The layer described under {@code key} ({@code {"type": ..., "config": ...}}), built through the registry. */
    public Layer layer(String key) {
        return build(value(key), key);
    }

    /** The layers described in the list under {@code key}, in order. */
    public List<Layer> layers(String key) {
        if (value(key) instanceof List<?> list && !list.isEmpty()) {
            return list.stream().map(description -> build(description, key)).toList();
        }
        throw wrong(key, "a list of layers");
    }

    /** Whether the configuration holds {@code key} (an optional part, such as a residual block's projection). */
    public boolean has(String key) {
        return values.containsKey(key) && values.get(key) != null;
    }

    private Layer build(Object description, String key) {
        if (description instanceof Map<?, ?> map && map.get("type") instanceof String childType
                && map.get("config") instanceof Map<?, ?> childConfig) {
            Map<String, Object> values = new LinkedHashMap<>();
            childConfig.forEach((name, value) -> values.put(String.valueOf(name), value));
            return LayerRegistry.create(new LayerConfig(childType, values, dataType));
        }
        throw wrong(key, "a layer: {\"type\": ..., \"config\": {...}}");
    }

    private Object value(String key) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException(type + ": the saved configuration lacks '" + key + "' (has "
                    + values.keySet() + ")");
        }
        return values.get(key);
    }

    private IllegalArgumentException wrong(String key, String expected) {
        return new IllegalArgumentException(type + ": configuration '" + key + "' should be " + expected
                + ", got " + values.get(key));
    }
}
