package org.fcredirect.jmx;

import java.util.Arrays;
import java.util.stream.Stream;
import javax.management.openmbean.ArrayType;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularDataSupport;
import javax.management.openmbean.TabularType;

/**
 * An open-type row and tables of it: a console shows named, described columns where a string
 * array would show sentences, and a client needs no fc-redirect class to read them. The first
 * column identifies a row within a table.
 */
final class RowType {
    record Column(String name, String description, OpenType<?> type) {
    }

    static final ArrayType<String[]> STRINGS = stringArray();

    private final CompositeType type;
    private final TabularType tableType;
    private final String[] names;

    RowType(String name, String description, Column... columns) {
        names = Arrays.stream(columns).map(Column::name).toArray(String[]::new);
        try {
            type = new CompositeType(name, description, names,
                    Arrays.stream(columns).map(Column::description).toArray(String[]::new),
                    Arrays.stream(columns).map(Column::type).toArray(OpenType<?>[]::new));
            tableType = new TabularType(name + "Table", description, type, new String[] {names[0]});
        } catch (OpenDataException e) {
            throw new IllegalArgumentException("open type " + name + ": " + e.getMessage(), e);
        }
    }

    private static ArrayType<String[]> stringArray() {
        try {
            return ArrayType.getArrayType(SimpleType.STRING);
        } catch (OpenDataException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static Column column(String name, String description, OpenType<?> type) {
        return new Column(name, description, type);
    }

    /** @param values one per column, in column order, of the column's open type */
    CompositeData row(Object... values) {
        try {
            return new CompositeDataSupport(type, names, values);
        } catch (OpenDataException e) {
            throw new IllegalArgumentException(type.getTypeName() + " row: " + e.getMessage(), e);
        }
    }

    TabularData table(Stream<CompositeData> rows) {
        TabularDataSupport table = new TabularDataSupport(tableType);
        rows.forEach(table::put);
        return table;
    }
}
