package io.backprop4j.core;

import java.nio.ByteBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A NumPy element type ({@code descr}'s kind and width) and how its elements become an ND4J array. */
enum NpyType {
    BOOL(1, DataType.BOOL), INT8(1, DataType.INT8), UINT8(1, DataType.UBYTE), INT16(2, DataType.INT16),
    UINT16(2, DataType.UINT16), INT32(4, DataType.INT32), UINT32(4, DataType.UINT32), INT64(8, DataType.INT64),
    FLOAT16(2, DataType.HALF), FLOAT32(4, DataType.FLOAT), FLOAT64(8, DataType.DOUBLE);

    private final int width;
    private final DataType nd4j;

    NpyType(int width, DataType nd4j) {
        this.width = width;
        this.nd4j = nd4j;
    }

    int width() {
        return width;
    }

    /** The type of {@code descr}'s kind letter ('b', 'i', 'u', 'f') and byte width. */
    static NpyType of(String kind, int width, String source, String descr) throws FileFormatException {
        for (NpyType type : values()) {
            if (type.width == width && type.name().toLowerCase().startsWith(prefix(kind))) {
                return type;
            }
        }
        throw new FileFormatException(source + ": the element type " + descr + " is not read; expected bool, "
                + "int8/16/32/64, uint8/16/32 or float16/32/64");
    }

    private static String prefix(String kind) {
        return switch (kind) {
            case "b" -> "bool";
            case "i" -> "int";
            case "u" -> "uint";
            case "f" -> "float";
            default -> "?";
        };
    }

    /**
     * {@code count} elements from {@code data} (positioned at the first, in the file's byte order) as an array of
     * {@code shape} in memory order {@code order}; float arrays own their buffer (no view), so they can be closed.
     */
    INDArray read(ByteBuffer data, int count, long[] shape, char order) {
        return switch (this) {
            case FLOAT32 -> {
                float[] values = new float[count];
                data.asFloatBuffer().get(values);
                yield Nd4j.create(values, shape, order);
            }
            case FLOAT64 -> {
                double[] values = new double[count];
                data.asDoubleBuffer().get(values);
                yield Nd4j.create(values, shape, order);
            }
            default -> flat(data, count).reshape(order, shape);
        };
    }

    private INDArray flat(ByteBuffer data, int count) {
        return switch (this) {
            case FLOAT32, FLOAT64 -> throw new IllegalStateException("read float arrays with their shape");
            case INT64 -> {
                long[] values = new long[count];
                data.asLongBuffer().get(values);
                yield Nd4j.createFromArray(values);
            }
            case INT32, UINT32 -> {
                int[] values = new int[count];
                data.asIntBuffer().get(values);
                yield this == INT32 ? Nd4j.createFromArray(values) : unsigned(values);
            }
            case INT16, UINT16, FLOAT16 -> {
                short[] values = new short[count];
                data.asShortBuffer().get(values);
                yield this == INT16 ? Nd4j.createFromArray(values) : fromBits(values);
            }
            case INT8, UINT8, BOOL -> {
                byte[] values = new byte[count];
                data.get(values);
                yield this == INT8 ? Nd4j.createFromArray(values) : fromBytes(values);
            }
        };
    }

    private INDArray unsigned(int[] values) {
        long[] widened = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            widened[i] = Integer.toUnsignedLong(values[i]);
        }
        return Nd4j.createFromArray(widened).castTo(nd4j);
    }

    /** uint16 widened to int32, or float16 bit patterns decoded, then cast to this type. */
    private INDArray fromBits(short[] values) {
        if (this == UINT16) {
            int[] widened = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                widened[i] = Short.toUnsignedInt(values[i]);
            }
            return Nd4j.createFromArray(widened).castTo(nd4j);
        }
        float[] decoded = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            decoded[i] = halfToFloat(values[i]);
        }
        return Nd4j.createFromArray(decoded).castTo(nd4j);
    }

    /** IEEE 754 binary16: 1 sign bit, 5 exponent bits (bias 15), 10 fraction bits. */
    static float halfToFloat(short bits) {
        int sign = (bits & 0x8000) != 0 ? -1 : 1;
        int exponent = (bits >>> 10) & 0x1f;
        int fraction = bits & 0x3ff;
        if (exponent == 0x1f) {
            return fraction == 0 ? sign * Float.POSITIVE_INFINITY : Float.NaN;
        }
        if (exponent == 0) {
            return sign * fraction * 0x1p-24f;
        }
        return sign * (1 + fraction / 1024f) * (float) Math.pow(2, exponent - 15);
    }

    /** uint8 widened to int16 (0…255), or bool as 0/1, then cast to this type. */
    private INDArray fromBytes(byte[] values) {
        short[] widened = new short[values.length];
        for (int i = 0; i < values.length; i++) {
            widened[i] = (short) Byte.toUnsignedInt(values[i]);
        }
        return Nd4j.createFromArray(widened).castTo(nd4j);
    }
}
