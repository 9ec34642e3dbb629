package io.backprop4j.cli.commands;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.data.augment.Augmentation;
import io.backprop4j.core.data.augment.ImageTransform;
import io.backprop4j.core.data.augment.RandomCrop;
import io.backprop4j.core.data.augment.RandomErasing;
import io.backprop4j.core.data.augment.RandomHorizontalFlip;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The image transforms {@code train --augment} names: {@code crop} (shifts of up to 2 pixels, torchvision's
 * {@code RandomCrop(28, padding=2)}), {@code flip} (left to right, p = 0.5) and {@code erase} (cutout,
 * torchvision's {@code RandomErasing(p=0.5)}).
 */
enum AugmentName {
    CROP("crop", () -> new RandomCrop(2)),
    FLIP("flip", RandomHorizontalFlip::new),
    ERASE("erase", () -> new RandomErasing(0.5));

    final String id;
    private final Supplier<ImageTransform> transform;

    AugmentName(String id, Supplier<ImageTransform> transform) {
        this.id = id;
        this.transform = transform;
    }

    static AugmentName of(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown augmentation '" + id + "'; expected crop, flip or erase"));
    }

    /**
     * The transforms {@code names} for the images of {@code train}: rows of 28×28 pixels (Fashion-MNIST, MNIST),
     * or of any square of grey pixels; null when there are none.
     */
    static Augmentation of(List<AugmentName> names, DataSet train) {
        if (names.isEmpty()) {
            return null;
        }
        long pixels = train.features().length() / Math.max(1, train.size());
        int side = (int) Math.round(Math.sqrt(pixels));
        if ((long) side * side != pixels) {
            throw new IllegalArgumentException("--augment transforms square grey images, but the examples have "
                    + pixels + " values each");
        }
        return new Augmentation(1, side, side, names.stream().map(name -> name.transform.get()).toList());
    }
}
