package io.github.opcompare.report.chart;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Time per call against size on log-log axes, every backend: the measured medians as points, the
 * fitted cost model (overhead + size × cost per element) as a dashed curve. On log-log axes the
 * overhead is the flat start and the per-element cost the slope-1 tail, so both read off the plot.
 */
public final class TimingChart {
    private TimingChart() {
    }

    /**
     * @param measured per backend: x sizes, y median nanoseconds per call
     * @param fitted per backend, may be empty: the fitted model evaluated over the measured sizes
     */
    public static String svg(List<Series> measured, List<Series> fitted, int width, int height) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        int k = 0;
        for (Series s : measured) {
            data.addSeries(xy(s.name(), s));
            renderer.setSeriesPaint(k, SvgCharts.color(s.color()));
            renderer.setSeriesStroke(k, SvgCharts.line(1.2f));
            k++;
        }
        for (Series s : fitted) {
            data.addSeries(xy(s.name() + " (fit)", s));
            renderer.setSeriesPaint(k, SvgCharts.color(s.color()));
            renderer.setSeriesStroke(k, SvgCharts.dashed(1.2f));
            renderer.setSeriesShapesVisible(k, false);
            renderer.setSeriesVisibleInLegend(k, false);
            k++;
        }
        LogAxis x = new LogAxis("elements per operand");
        LogAxis y = new LogAxis("median time per call (ns)");
        for (LogAxis a : List.of(x, y)) {
            a.setBase(10);
            a.setTickUnit(new NumberTickUnit(1.0));
            a.setTickLabelFont(SvgCharts.TICK);
            a.setLabelFont(SvgCharts.LABEL);
            a.setSmallestValue(1e-3);
        }
        SvgCharts.decades(x, data, true);
        SvgCharts.decades(y, data, false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setDomainGridlinePaint(SvgCharts.GRID);
        plot.setRangeGridlinePaint(SvgCharts.GRID);
        return SvgCharts.svg(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true), width, height);
    }

    private static XYSeries xy(String name, Series s) {
        XYSeries xy = new XYSeries(name, true, false);
        for (int i = 0; i < s.x().length; i++) {
            if (s.x()[i] > 0 && s.y()[i] > 0) {
                xy.add(s.x()[i], s.y()[i]);
            }
        }
        return xy;
    }
}
