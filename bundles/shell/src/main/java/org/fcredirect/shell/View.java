package org.fcredirect.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.karaf.shell.support.table.Col;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * One description of the figures a command shows about each row: named columns, each with its
 * value, rendered as a table or as JSON so the two forms cannot drift apart. A column may give the
 * table its own words for the value (a dash for nothing, a rounded rate), and a figure too wide
 * for a table line may be JSON-only. Built before
 * the rows are shown and not changed after.
 */
public final class View<T> {
    private record Column<T>(String header, String key, Function<? super T, ?> json, Function<? super T, ?> table,
            boolean right, int maxWidth) {
        Column<T> clipped(int width) {
            return new Column<>(header, key, json, table, right, width);
        }
    }

    private final String emptyText;
    private final List<Column<T>> columns = new ArrayList<>();

    /** @param emptyText what the table says when there are no rows */
    public View(String emptyText) {
        this.emptyText = emptyText;
    }

    /** A figure shown the same in both forms; an absent one (null) is a dash in the table. */
    public View<T> column(String header, String key, Function<? super T, ?> value) {
        return add(header, key, value, value, false);
    }

    /** A number: the same in both forms, right-aligned in the table. */
    public View<T> number(String header, String key, Function<? super T, ?> value) {
        return add(header, key, value, value, true);
    }

    /** A figure the table words its own way. */
    public View<T> column(String header, String key, Function<? super T, ?> json, Function<? super T, ?> table) {
        return add(header, key, json, table, false);
    }

    /** A number the table words its own way (rounded, with a unit), right-aligned. */
    public View<T> number(String header, String key, Function<? super T, ?> json, Function<? super T, ?> table) {
        return add(header, key, json, table, true);
    }

    public View<T> jsonOnly(String key, Function<? super T, ?> value) {
        return add(null, key, value, null, false);
    }

    /** A table's summary of figures that JSON gives one by one (e.g. failures of threshold). */
    public View<T> tableOnly(String header, Function<? super T, ?> value) {
        return add(header, null, null, value, false);
    }

    public View<T> tableOnlyNumber(String header, Function<? super T, ?> value) {
        return add(header, null, null, value, true);
    }

    /** Cuts the last column's cells at {@code width} characters, for free text that would widen the table. */
    public View<T> clipped(int width) {
        columns.set(columns.size() - 1, columns.get(columns.size() - 1).clipped(width));
        return this;
    }

    /** These columns for tables only, where JSON nests the same figures under one key. */
    public View<T> inTablesOnly() {
        View<T> v = new View<>(emptyText);
        columns.stream().filter(c -> c.header() != null).forEach(c -> v.columns.add(new Column<>(c.header(), null, null,
                c.table(), c.right(), c.maxWidth())));
        return v;
    }

    /** The columns of {@code part}, here, of the part each row holds. */
    public <U> View<T> include(View<U> part, Function<? super T, ? extends U> of) {
        for (Column<U> c : part.columns) {
            columns.add(new Column<>(c.header(), c.key(), c.json() == null ? null : r -> c.json().apply(of.apply(r)),
                    c.table() == null ? null : r -> c.table().apply(of.apply(r)), c.right(), c.maxWidth()));
        }
        return this;
    }

    public ShellTable table(List<? extends T> rows) {
        ShellTable t = header(null);
        rows.forEach(r -> t.addRow().addContent(cells(null, r)));
        return t;
    }

    /** A table whose first column is each row's label, e.g. the range a row covers. */
    public ShellTable table(String labelHeader, Map<String, ? extends T> labelledRows) {
        ShellTable t = header(labelHeader);
        labelledRows.forEach((label, r) -> t.addRow().addContent(cells(label, r)));
        return t;
    }

    /** One row as a Property/Value table: every JSON figure, by its key, a dash for an absent one. */
    public ShellTable properties(T row) {
        ShellTable t = new ShellTable();
        t.column("Property");
        t.column("Value");
        json(row).forEach((k, v) -> t.addRow().addContent(k, v == null ? "-" : v));
        return t;
    }

    public Map<String, Object> json(T row) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Column<T> c : columns) {
            if (c.key() != null) {
                m.put(c.key(), c.json().apply(row));
            }
        }
        return m;
    }

    public List<Object> json(List<? extends T> rows) {
        List<Object> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(json(r)));
        return out;
    }

    private View<T> add(String header, String key, Function<? super T, ?> json, Function<? super T, ?> table,
            boolean right) {
        columns.add(new Column<>(header, key, json, table, right, 0));
        return this;
    }

    private ShellTable header(String labelHeader) {
        ShellTable t = new ShellTable().emptyTableText(emptyText);
        if (labelHeader != null) {
            t.column(labelHeader);
        }
        for (Column<T> c : columns) {
            if (c.header() != null) {
                Col col = t.column(c.header());
                if (c.right()) {
                    col.alignRight();
                }
                if (c.maxWidth() > 0) {
                    col.maxSize(c.maxWidth());
                }
            }
        }
        return t;
    }

    private List<Object> cells(String label, T row) {
        List<Object> cells = new ArrayList<>();
        if (label != null) {
            cells.add(label);
        }
        for (Column<T> c : columns) {
            if (c.header() != null) {
                Object v = c.table().apply(row);
                cells.add(v == null ? "-" : v);
            }
        }
        return cells;
    }
}
