package io.backprop4j.spark;

import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a features cell, a Spark ML {@link Vector} (as {@code VectorAssembler} makes) or an array of numbers, as
 * one row of doubles, and checks the column's type up front with a message that names what came.
 */
final class Features {

    private Features() {
    }

    /** Refuses a features column that is missing or neither a vector nor an array of numbers. */
    static void requireColumn(StructType schema, String column) {
        DataType type = field(schema, column, "features").dataType();
        boolean array = type instanceof ArrayType a && a.elementType() instanceof NumericType;
        if (!(type instanceof VectorUDT) && !array) {
            throw new IllegalArgumentException("features column '" + column + "' must hold vectors or arrays of "
                    + "numbers, but it holds " + type.simpleString());
        }
    }

    /** Refuses a label column that is missing or not numeric. */
    static void requireLabel(StructType schema, String column) {
        DataType type = field(schema, column, "label").dataType();
        if (!(type instanceof NumericType)) {
            throw new IllegalArgumentException("label column '" + column + "' must hold numbers, but it holds "
                    + type.simpleString());
        }
    }

    /** Refuses a validation indicator column that is missing or not boolean. */
    static void requireIndicator(StructType schema, String column) {
        DataType type = field(schema, column, "validation indicator").dataType();
        if (!(type instanceof BooleanType)) {
            throw new IllegalArgumentException("validation indicator column '" + column + "' must hold booleans, "
                    + "but it holds " + type.simpleString());
        }
    }

    private static StructField field(StructType schema, String column, String role) {
        for (StructField field : schema.fields()) {
            if (field.name().equals(column)) {
                return field;
            }
        }
        throw new IllegalArgumentException(role + " column '" + column + "' is not in the data; it has "
                + List.of(schema.fieldNames()));
    }

    /** The cell at {@code index} of {@code row} as doubles. */
    static double[] of(Row row, int index) {
        Object cell = row.get(index);
        if (cell == null) {
            throw new IllegalArgumentException("a features cell is null; every row needs its features");
        }
        if (cell instanceof Vector vector) {
            return vector.toArray();
        }
        List<Object> values = row.getList(index);
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            Object value = values.get(i);
            if (value == null) {
                throw new IllegalArgumentException("a features array holds a null at position " + i);
            }
            out[i] = ((Number) value).doubleValue();
        }
        return out;
    }
}
