package org.mmsim.spark;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.mmsim.study.Column;
import org.mmsim.study.PointResult;
import org.mmsim.study.ResultsStore;
import org.mmsim.study.RunFigures;
import org.mmsim.study.SampleTable;

/**
 * The points' results as the two DataFrames of the results store, with explicit schemas: {@code runs} (the point's
 * key, each axis as a string, then every figure typed from its first value that is not null, {@link RunFigures#column}) and
 * {@code samples} (the key, then {@link SampleTable#COLUMNS}, BIGINT[] as an array of longs).
 */
final class ResultFrames {
    private ResultFrames() {
    }

    /**
     * The runs rows, as the store makes them from a point: its key, the axes, then the figures, a figure named as
     * an axis giving that axis' value; columns in the order they first appear.
     */
    static Dataset<Row> runs(SparkSession spark, List<PointResult> results) {
        Set<String> axes = new LinkedHashSet<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PointResult r : results) {
            Map<String, Object> row = ResultsStore.runRow(r.point().key(), r.point().axes(), r.figures());
            axes.addAll(r.point().axes().keySet());
            rows.add(row);
        }
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(row -> names.addAll(row.keySet()));
        List<StructField> fields = new ArrayList<>();
        for (String name : names) {
            DataType type = name.equals(ResultsStore.POINT_KEY) || axes.contains(name) ? DataTypes.StringType
                    : type(RunFigures.column(name, rows.stream().map(row -> row.get(name))
                            .filter(v -> v != null).findFirst().orElse(null)));
            fields.add(DataTypes.createStructField(name, type, !name.equals(ResultsStore.POINT_KEY)));
        }
        List<Row> out = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Object[] values = new Object[fields.size()];
            for (int i = 0; i < values.length; i++) {
                Object v = row.get(fields.get(i).name());
                values[i] = v != null && fields.get(i).dataType() == DataTypes.StringType ? v.toString() : v;
            }
            out.add(RowFactory.create(values));
        }
        return spark.createDataFrame(out, new StructType(fields.toArray(StructField[]::new)));
    }

    /** The samples rows of every point. */
    static Dataset<Row> samples(SparkSession spark, List<PointResult> results) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField(ResultsStore.POINT_KEY, DataTypes.StringType, false));
        for (Column c : SampleTable.COLUMNS) {
            fields.add(DataTypes.createStructField(c.name(), type(c), true));
        }
        List<Row> rows = new ArrayList<>();
        for (PointResult r : results) {
            for (Object[] sample : r.samples()) {
                Object[] row = new Object[sample.length + 1];
                row[0] = r.point().key();
                for (int i = 0; i < sample.length; i++) {
                    row[i + 1] = sample[i] instanceof long[] list ? boxed(list) : sample[i];
                }
                rows.add(RowFactory.create(row));
            }
        }
        return spark.createDataFrame(rows, new StructType(fields.toArray(StructField[]::new)));
    }

    /** The Spark type of a store column. */
    static DataType type(Column c) {
        switch (c.sqlType()) {
            case "BIGINT":
                return DataTypes.LongType;
            case "DOUBLE":
                return DataTypes.DoubleType;
            case "VARCHAR":
                return DataTypes.StringType;
            case "BIGINT[]":
                return DataTypes.createArrayType(DataTypes.LongType, false);
            default:
                throw new IllegalArgumentException("no Spark type for " + c);
        }
    }

    private static List<Long> boxed(long[] list) {
        List<Long> out = new ArrayList<>(list.length);
        for (long v : list) {
            out.add(v);
        }
        return out;
    }
}
