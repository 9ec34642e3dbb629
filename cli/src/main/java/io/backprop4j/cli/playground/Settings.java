package io.backprop4j.cli.playground;

import com.fasterxml.jackson.databind.JsonNode;
import io.backprop4j.layers.activations.Activation;
import io.backprop4j.layers.activations.ActivationName;
import io.backprop4j.layers.activations.Identity;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a student sets on the playground's page. {@link #merge} reads a JSON object of the fields to change
 * and refuses, with a message naming the field, the range and the value, anything out of range.
 *
 * @param trainPercent share of the points used for training, 10–90 %
 * @param noise jitter of each point, 0–50 % of the half-width of the plane
 * @param hidden neurons of each hidden layer: 0–6 layers of 1–8 neurons
 * @param regularization none, L1 (adds λ·sign w to each gradient) or L2 (adds λw)
 */
record Settings(Problem dataset, int trainPercent, int noise, int batchSize, List<Feature> features,
        List<Integer> hidden, String activation, double learningRate, String regularization,
        double regularizationRate, long seed) {

    static final int POINTS = 500;
    static final int MAX_LAYERS = 6;
    static final int MAX_NEURONS = 8;
    static final List<String> REGULARIZATIONS = List.of("none", "l1", "l2");

    private static final Set<String> FIELDS = Set.of("problem", "dataset", "trainPercent", "noise", "batchSize",
            "features", "hidden", "activation", "learningRate", "regularization", "regularizationRate", "seed");

    /** The page's first settings: the circle, two features, two hidden layers of 4 and 2 tanh neurons. */
    static Settings defaults() {
        return new Settings(Problem.CIRCLE, 50, 0, 10, List.of(Feature.X1, Feature.X2), List.of(4, 2), "tanh",
                0.03, "none", 0, 1);
    }

    String problem() {
        return dataset.regression() ? "regression" : "classification";
    }

    /** The activation ids the page offers: linear, then backprop4j's hidden-layer activations. */
    static List<String> activations() {
        List<String> ids = new ArrayList<>(List.of("linear"));
        for (ActivationName name : ActivationName.values()) {
            ids.add(name.id());
        }
        return ids;
    }

    Activation newActivation() {
        return activation.equals("linear") ? new Identity() : ActivationName.of(activation).create();
    }

    /** These settings with the fields of {@code body} changed; a 400 for an unknown field or a bad value. */
    Settings merge(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadRequest("expected a JSON object of settings, got " + (body == null ? "nothing" : body));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new BadRequest("unknown setting '" + name + "'; expected some of " + FIELDS);
            }
        }
        Problem newDataset = body.has("dataset") ? Problem.of(text(body, "dataset")) : dataset;
        if (body.has("problem")) {
            String problem = text(body, "problem");
            if (!problem.equals("classification") && !problem.equals("regression")) {
                throw new BadRequest("problem: expected classification or regression, got '" + problem + "'");
            }
            if (!problem.equals(newDataset.regression() ? "regression" : "classification")) {
                throw new BadRequest("problem: the data set " + newDataset.id() + " is not a " + problem + " set");
            }
        }
        String newActivation = body.has("activation") ? text(body, "activation") : activation;
        if (!activations().contains(newActivation)) {
            throw new BadRequest("activation: unknown activation '" + newActivation + "'; expected one of "
                    + activations());
        }
        String newRegularization = body.has("regularization") ? text(body, "regularization") : regularization;
        if (!REGULARIZATIONS.contains(newRegularization)) {
            throw new BadRequest("regularization: expected one of " + REGULARIZATIONS + ", got '"
                    + newRegularization + "'");
        }
        return new Settings(newDataset,
                body.has("trainPercent") ? integer(body, "trainPercent", 10, 90) : trainPercent,
                body.has("noise") ? integer(body, "noise", 0, 50) : noise,
                body.has("batchSize") ? integer(body, "batchSize", 1, POINTS) : batchSize,
                body.has("features") ? features(body.get("features")) : features,
                body.has("hidden") ? hidden(body.get("hidden")) : hidden,
                newActivation,
                body.has("learningRate") ? number(body, "learningRate", 1e-6, 10) : learningRate,
                newRegularization,
                body.has("regularizationRate") ? number(body, "regularizationRate", 0, 10) : regularizationRate,
                body.has("seed") ? integer(body, "seed", 0, Integer.MAX_VALUE) : seed);
    }

    /** These settings as the page reads them. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("problem", problem());
        json.put("dataset", dataset.id());
        json.put("trainPercent", trainPercent);
        json.put("noise", noise);
        json.put("batchSize", batchSize);
        json.put("features", features.stream().map(Feature::id).toList());
        json.put("hidden", hidden);
        json.put("activation", activation);
        json.put("learningRate", learningRate);
        json.put("regularization", regularization);
        json.put("regularizationRate", regularizationRate);
        json.put("seed", seed);
        return json;
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (!node.isTextual()) {
            throw new BadRequest(field + ": expected a string, got " + node);
        }
        return node.asText();
    }

    private static int integer(JsonNode body, String field, int min, int max) {
        JsonNode node = body.get(field);
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < min || node.asInt() > max) {
            throw new BadRequest(field + ": expected a whole number from " + min + " to " + max + ", got " + node);
        }
        return node.asInt();
    }

    private static double number(JsonNode body, String field, double min, double max) {
        JsonNode node = body.get(field);
        if (!node.isNumber() || !(node.asDouble() >= min && node.asDouble() <= max)) {
            throw new BadRequest(field + ": expected a number from " + min + " to " + max + ", got " + node);
        }
        return node.asDouble();
    }

    private static List<Feature> features(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            throw new BadRequest("features: expected a non-empty list of " + Feature.ids() + ", got " + node);
        }
        List<Feature> list = new ArrayList<>();
        for (Feature feature : Feature.values()) {
            for (JsonNode id : node) {
                if (!id.isTextual()) {
                    throw new BadRequest("features: expected feature names, got " + id);
                }
                if (Feature.of(id.asText()) == feature && !list.contains(feature)) {
                    list.add(feature);
                }
            }
        }
        return List.copyOf(list);
    }

    private static List<Integer> hidden(JsonNode node) {
        if (!node.isArray() || node.size() > MAX_LAYERS) {
            throw new BadRequest("hidden: expected a list of 0 to " + MAX_LAYERS + " layer sizes, got "
                    + (node.isArray() ? node.size() + " layers" : node));
        }
        List<Integer> sizes = new ArrayList<>();
        for (JsonNode size : node) {
            if (!size.isIntegralNumber() || !size.canConvertToInt() || size.asInt() < 1 || size.asInt() > MAX_NEURONS) {
                throw new BadRequest("hidden: expected layers of 1 to " + MAX_NEURONS + " neurons, got " + size);
            }
            sizes.add(size.asInt());
        }
        return List.copyOf(sizes);
    }
}
