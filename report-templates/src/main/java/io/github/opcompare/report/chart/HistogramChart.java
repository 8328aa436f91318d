package io.github.opcompare.report.chart;

import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** The ulp-error histogram of a case: one group of bars per error bin, one bar per backend. */
public final class HistogramChart {
    private HistogramChart() {
    }

    /**
     * @param bins the bin labels, left to right
     * @param series per backend, y[i] the share of its outputs (in percent) in bin i
     */
    public static String svg(List<String> bins, List<Series> series, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Series s : series) {
            for (int i = 0; i < bins.size(); i++) {
                data.addValue(i < s.y().length && !Double.isNaN(s.y()[i]) ? s.y()[i] : 0.0, s.name(), bins.get(i));
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(null, "ulp error", "share of outputs (%)", data,
                PlotOrientation.VERTICAL, series.size() > 0, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setRangeGridlinePaint(SvgCharts.GRID);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        renderer.setDrawBarOutline(false);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, SvgCharts.color(series.get(i).color()));
        }
        CategoryAxis x = plot.getDomainAxis();
        x.setTickLabelFont(SvgCharts.TICK);
        x.setLabelFont(SvgCharts.LABEL);
        x.setCategoryMargin(0.15);
        // Many bins on one axis: labels turned up so that none is cut to "...".
        x.setCategoryLabelPositions(org.jfree.chart.axis.CategoryLabelPositions.UP_45);
        x.setMaximumCategoryLabelWidthRatio(2f);
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setTickLabelFont(SvgCharts.TICK);
        y.setLabelFont(SvgCharts.LABEL);
        y.setNumberFormatOverride(SvgCharts.plain("0.#"));
        y.setUpperBound(Math.max(1, maxY(series) * 1.08));
        return SvgCharts.svg(chart, width, height);
    }

    private static double maxY(List<Series> series) {
        double max = 0;
        for (Series s : series) {
            for (double v : s.y()) {
                if (!Double.isNaN(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        return max;
    }
}
