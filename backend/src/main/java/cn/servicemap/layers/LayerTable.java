package cn.servicemap.layers;

import cn.servicemap.system.Feature;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A layer as a table, what every file export writes: the columns (from the layer's item record, in its order, each with
 * its JSON name, Chinese header, Shapefile field name and type) and one row per feature (its id, geometry and values).
 */
public record LayerTable(Layer layer, List<Column> columns, List<Row> rows) {

    /** A column's type as files store it. */
    public enum Type {
        TEXT, INTEGER, REAL, BOOLEAN
    }

    /** A column: its JSON name, Chinese header, dBASE field name and type. */
    public record Column(String key, String header, String dbf, Type type) {
    }

    /** A feature as a row: its id (null when it has none), geometry (WGS84) and one value per column (null when unknown). */
    public record Row(Object id, Geometry geometry, List<Object> values) {
    }

    /** The table of a layer's features, whose properties are all the layer's item record. */
    static LayerTable of(Layer layer, List<Feature<?>> features) {
        RecordComponent[] components = layer.items.getRecordComponents();
        List<Column> columns = new ArrayList<>();
        for (RecordComponent c : components) {
            LayerColumn named = c.getAnnotation(LayerColumn.class);
            if (named == null) {
                throw new IllegalStateException(layer.items.getSimpleName() + "." + c.getName() + " lacks @LayerColumn");
            }
            columns.add(new Column(c.getName(), named.header(), named.dbf(), type(c.getType())));
        }
        List<Row> rows = new ArrayList<>();
        for (Feature<?> f : features) {
            List<Object> values = new ArrayList<>(components.length);
            for (RecordComponent c : components) {
                try {
                    values.add(c.getAccessor().invoke(f.properties()));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + c.getName() + " of " + layer, e);
                }
            }
            rows.add(new Row(f.id(), f.geometry(), values));
        }
        return new LayerTable(layer, List.copyOf(columns), List.copyOf(rows));
    }

    private static Type type(Class<?> t) {
        if (t == String.class) {
            return Type.TEXT;
        }
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            return Type.INTEGER;
        }
        if (t == double.class || t == Double.class) {
            return Type.REAL;
        }
        if (t == boolean.class || t == Boolean.class) {
            return Type.BOOLEAN;
        }
        throw new IllegalStateException("no column type for " + t);
    }
}
