package org.fcredirect.shell.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateChartTest {
    private static final Instant FROM = Instant.parse("2024-05-01T10:15:00Z");
    private static final Instant TO = Instant.parse("2024-05-01T10:20:00Z");

    private static double[] filled(int n, double value) {
        double[] values = new double[n];
        Arrays.fill(values, value);
        return values;
    }

    /** The bar rows, without their y axis. */
    private static List<String> bars(List<String> chart) {
        return chart.subList(0, RateChart.HEIGHT).stream().map(line -> line.substring(line.indexOf('┤') >= 0
                ? line.indexOf('┤') + 1 : line.indexOf('│') + 1)).toList();
    }

    @Test
    void anEmptySeriesSaysSo() {
        assertEquals(List.of("no data in the range"), RateChart.draw(new double[0], FROM, TO, 60));
    }

    @Test
    void aFlatSeriesFillsEveryRowUpToItsValue() {
        List<String> chart = RateChart.draw(filled(30, 5), FROM, TO, 60);
        assertEquals(RateChart.HEIGHT + 2, chart.size());
        assertTrue(chart.get(0).startsWith("5.0 ┤"), chart.get(0));
        assertTrue(chart.get(RateChart.HEIGHT - 1).startsWith("  0 ┤"), chart.get(RateChart.HEIGHT - 1));
        bars(chart).forEach(row -> assertEquals("█".repeat(30), row));
        assertEquals("    └" + "─".repeat(30), chart.get(RateChart.HEIGHT));
        assertEquals("     10:15:00" + " ".repeat(14) + "10:20:00", chart.get(RateChart.HEIGHT + 1));
    }

    @Test
    void aFlatZeroSeriesDrawsNoBars() {
        List<String> chart = RateChart.draw(filled(30, 0), FROM, TO, 60);
        assertTrue(chart.get(0).startsWith("0 ┤"), chart.get(0));
        bars(chart).forEach(row -> assertEquals("", row));
    }

    @Test
    void oneSpikeTakesTheWholeHeightAndTheRestStaysLow() {
        double[] values = filled(40, 10);
        values[20] = 1000;
        List<String> bars = bars(RateChart.draw(values, FROM, TO, 60));
        assertEquals(" ".repeat(20) + "█", bars.get(0));
        assertEquals("▁".repeat(20) + "█" + "▁".repeat(19), bars.get(RateChart.HEIGHT - 1));
    }

    @Test
    void anyTrafficShowsAsAtLeastTheLowestBlock() {
        assertEquals(1, RateChart.level(0.001, 1000));
        assertEquals(0, RateChart.level(0, 1000));
        assertEquals(RateChart.HEIGHT * 8, RateChart.level(1000, 1000));
    }

    @Test
    void moreBucketsThanColumnsAreAveragedToTheWidth() {
        double[] values = new double[300];
        for (int i = 0; i < values.length; i++) {
            values[i] = i < 150 ? 0 : 10;
        }
        double[] columns = RateChart.fit(values, 60);
        assertEquals(60, columns.length);
        assertEquals(0, columns[29]);
        assertEquals(10, columns[30]);
        List<String> chart = RateChart.draw(values, FROM, TO, 60);
        chart.forEach(line -> assertTrue(line.length() <= 60 + 6, line));
        assertEquals(60, chart.get(RateChart.HEIGHT).chars().filter(c -> c == '─').count());
        assertArrayEquals(new double[] {1, 2, 3}, RateChart.fit(new double[] {1, 2, 3}, RateChart.MIN_WIDTH));
        double[] uneven = RateChart.fit(filled(RateChart.MAX_WIDTH * 3 + 1, 7), RateChart.MAX_WIDTH);
        assertEquals(RateChart.MAX_WIDTH, uneven.length);
        assertTrue(Arrays.stream(uneven).allMatch(v -> v == 7));
    }

    @Test
    void refusesAWidthOutOfItsLimits() {
        assertThrows(IllegalArgumentException.class, () -> RateChart.draw(filled(5, 1), FROM, TO, RateChart.MIN_WIDTH - 1));
        assertThrows(IllegalArgumentException.class, () -> RateChart.draw(filled(5, 1), FROM, TO, RateChart.MAX_WIDTH + 1));
    }

    @Test
    void labelsTheScaleCompactlyAndDatesASpanBeyondAnHour() {
        assertEquals("1235", RateChart.label(1234.6));
        assertEquals("45.7", RateChart.label(45.66));
        assertEquals("0.27", RateChart.label(0.271));
        List<String> day = RateChart.draw(filled(24, 1), Instant.parse("2024-04-30T10:20:00Z"), TO, 24);
        assertEquals("     04-30 10:20  05-01 10:20", day.get(day.size() - 1));
    }
}
