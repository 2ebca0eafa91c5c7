package org.fcredirect.shell.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A bar chart of rates in block characters, small enough for a terminal: {@value #HEIGHT} rows of
 * eight levels each, the y axis labelled with the top of the scale and 0, the time span under the
 * x axis. Times are UTC, as everywhere in the shell.
 */
final class RateChart {
    static final String BLOCKS = "▁▂▃▄▅▆▇█";
    static final int HEIGHT = 5;
    /** Narrow enough for any terminal, wide enough for both time labels under the axis. */
    static final int MIN_WIDTH = 24;
    static final int MAX_WIDTH = 200;
    private static final int LEVELS = BLOCKS.length();
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAYS = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private RateChart() {
    }

    /**
     * The chart of {@code values}, one per bucket from {@code from} to {@code to}, oldest first,
     * in at most {@code width} columns; one line saying so when there are no values.
     *
     * @throws IllegalArgumentException when {@code width} is outside {@value #MIN_WIDTH}..{@value #MAX_WIDTH}
     */
    static List<String> draw(double[] values, Instant from, Instant to, int width) {
        double[] columns = fit(values, width);
        if (columns.length == 0) {
            return List.of("no data in the range");
        }
        double top = Arrays.stream(columns).max().orElse(0);
        String topLabel = label(top);
        List<String> lines = new ArrayList<>();
        for (int row = HEIGHT - 1; row >= 0; row--) {
            String label = row == HEIGHT - 1 ? topLabel : row == 0 ? "0" : "";
            StringBuilder line = new StringBuilder(" ".repeat(topLabel.length() - label.length())).append(label)
                    .append(label.isEmpty() ? " │" : " ┤");
            for (double v : columns) {
                line.append(cell(level(v, top), row));
            }
            lines.add(line.toString().stripTrailing());
        }
        String indent = " ".repeat(topLabel.length() + 1);
        lines.add(indent + "└" + "─".repeat(columns.length));
        lines.add(indent + " " + timeAxis(from, to, columns.length));
        return lines;
    }

    /** At most {@code width} columns, each the mean of consecutive values, so a column is the mean rate of its buckets. */
    static double[] fit(double[] values, int width) {
        if (width < MIN_WIDTH || width > MAX_WIDTH) {
            throw new IllegalArgumentException("chart width " + width + ": must be " + MIN_WIDTH + ".." + MAX_WIDTH);
        }
        if (values.length <= width) {
            return values.clone();
        }
        double[] columns = new double[width];
        for (int c = 0; c < width; c++) {
            int first = (int) ((long) c * values.length / width);
            int end = (int) ((long) (c + 1) * values.length / width);
            double sum = 0;
            for (int i = first; i < end; i++) {
                sum += values[i];
            }
            columns[c] = sum / (end - first);
        }
        return columns;
    }

    /** The value's height in eighths of a row; any traffic at all shows as at least one eighth. */
    static int level(double value, double top) {
        if (value <= 0 || top <= 0) {
            return 0;
        }
        return (int) Math.max(1, Math.round(value / top * HEIGHT * LEVELS));
    }

    static String label(double value) {
        if (value == 0) {
            return "0";
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 1 ? "%.1f" : "%.2f", value);
    }

    private static char cell(int level, int row) {
        int fill = Math.min(LEVELS, level - row * LEVELS);
        return fill <= 0 ? ' ' : BLOCKS.charAt(fill - 1);
    }

    /** The first and last time, at the ends of the x axis; with the date once the span passes an hour. */
    private static String timeAxis(Instant from, Instant to, int columns) {
        DateTimeFormatter format = Duration.between(from, to).compareTo(Duration.ofHours(1)) > 0 ? DAYS : SECONDS;
        String start = format.format(from);
        String end = format.format(to);
        return start + " ".repeat(Math.max(1, columns - start.length() - end.length())) + end;
    }
}
