package io.backprop4j.layers.io;

import io.backprop4j.layers.Layer;
import io.backprop4j.layers.LayerRegistry;
import java.util.List;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/** A layer as a model file's manifest describes it: its saved type name and its configuration, as JSON. */
final class LayerDescription {

    private LayerDescription() {
    }

    /**
     * {@code {"type": ..., "config": ...}} for {@code layer}; a composite's layers (values that are layers, or
     * lists of them) are described in place, so that nested models load as they were built.
     */
    static ObjectNode of(Layer layer) {
        ObjectNode description = ModelFile.JSON.createObjectNode().put("type", LayerRegistry.typeOf(layer));
        ObjectNode config = description.putObject("config");
        layer.config().forEach((key, value) -> config.set(key, configValue(value)));
        return description;
    }

    private static JsonNode configValue(Object value) {
        if (value instanceof Layer child) {
            return of(child);
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(v -> v instanceof Layer)) {
            ArrayNode children = ModelFile.JSON.createArrayNode();
            list.forEach(child -> children.add(of((Layer) child)));
            return children;
        }
        return ModelFile.JSON.valueToTree(value);
    }
}
