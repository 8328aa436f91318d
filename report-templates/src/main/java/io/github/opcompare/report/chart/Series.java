package io.github.opcompare.report.chart;

/**
 * One backend's data on a plot.
 *
 * @param name the legend entry (a backend id)
 * @param color index into the shared palette, the backend's place in the run
 * @param x the x values (category index for bar charts)
 * @param y the y values, one per x; NaN for no value
 */
public record Series(String name, int color, double[] x, double[] y) {
    public Series {
        if (x.length != y.length) {
            throw new IllegalArgumentException(name + ": " + x.length + " x values for " + y.length + " y values");
        }
    }
}
