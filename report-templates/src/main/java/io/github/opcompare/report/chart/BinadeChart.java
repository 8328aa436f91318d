package io.github.opcompare.report.chart;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The ulp error against the input: x is the binade of |x| (its binary exponent), y the largest ulp
 * error of the backend's results in that binade. Errors spread over many orders of magnitude
 * (0.5 ulp next to 10^5 ulp) use a log axis; small ones a linear one, where 0.5 and 1 stay apart.
 */
public final class BinadeChart {
    /** Above this largest error the y axis is logarithmic. */
    static final double LOG_ABOVE = 8;
    /** Where a log axis draws an error of 0, which it cannot show: well below 0.5 ulp. */
    static final double LOG_FLOOR = 0.01;

    private BinadeChart() {
    }

    /** @param series per backend: x the binade exponents, y the largest ulp error in each */
    public static String svg(List<Series> series, int width, int height) {
        double max = 0;
        for (Series s : series) {
            for (double v : s.y()) {
                if (!Double.isNaN(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        boolean log = max > LOG_ABOVE;
        XYSeriesCollection data = new XYSeriesCollection();
        for (Series s : series) {
            XYSeries xy = new XYSeries(s.name(), true, false);
            for (int i = 0; i < s.x().length; i++) {
                double y = s.y()[i];
                if (!Double.isNaN(y)) {
                    xy.add(s.x()[i], log ? Math.max(LOG_FLOOR, y) : y);
                }
            }
            data.addSeries(xy);
        }
        NumberAxis x = new NumberAxis("binade of |input|: 2^e ≤ |x| < 2^(e+1), e =");
        x.setAutoRangeIncludesZero(false);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setNumberFormatOverride(SvgCharts.plain("0"));
        ValueAxis y;
        if (log) {
            LogAxis axis = new LogAxis("largest ulp error (log scale)");
            axis.setBase(10);
            axis.setSmallestValue(LOG_FLOOR);
            axis.setTickUnit(new NumberTickUnit(1.0));
            y = axis;
        } else {
            NumberAxis axis = new NumberAxis("largest ulp error");
            axis.setNumberFormatOverride(SvgCharts.plain("0.##"));
            axis.setUpperBound(Math.max(1, max * 1.1));
            y = axis;
        }
        for (ValueAxis a : List.of(x, y)) {
            a.setTickLabelFont(SvgCharts.TICK);
            a.setLabelFont(SvgCharts.LABEL);
        }
        if (y instanceof LogAxis axis) {
            SvgCharts.decades(axis, data, false);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, SvgCharts.color(series.get(i).color()));
            renderer.setSeriesStroke(i, SvgCharts.line(1.6f));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setDomainGridlinePaint(SvgCharts.GRID);
        plot.setRangeGridlinePaint(SvgCharts.GRID);
        return SvgCharts.svg(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true), width, height);
    }
}
