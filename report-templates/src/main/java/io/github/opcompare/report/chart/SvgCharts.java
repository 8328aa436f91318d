package io.github.opcompare.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.svg.SVGGraphics2D;

/**
 * The look all plots share, and the step from a JFreeChart to an SVG document. Plots are drawn on the
 * build machine so that the report needs no script and no network to show them.
 */
public final class SvgCharts {
    /** Colour-blind-safe (Okabe and Ito), in backend order; the same backend has the same colour on every plot. */
    private static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0x8C6D31),
    };
    static final Color GRID = new Color(0xDDE2E8);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    static {
        // Fonts and metrics without a display: a build server has none, and a desktop must not get a window.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private SvgCharts() {
    }

    /** The colour of the i-th backend of the run. */
    public static Color color(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    /** The colour as CSS wants it, so that tables can match the plots. */
    public static String css(int index) {
        return String.format(Locale.ROOT, "#%06x", color(index).getRGB() & 0xffffff);
    }

    static String svg(JFreeChart chart, int width, int height) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.TOP);
            legend.setItemFont(LABEL);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle(0, 0, width, height));
        return g2.getSVGDocument();
    }

    /**
     * Sets a log axis to whole decades around the data: a fixed frame that reads well, and one that
     * exists when all points share one value (one size timed), where JFreeChart's auto range has none.
     */
    static void decades(org.jfree.chart.axis.LogAxis axis, org.jfree.data.xy.XYSeriesCollection data, boolean xValues) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                double v = xValues ? data.getXValue(s, i) : data.getYValue(s, i);
                if (v > 0 && Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (max == 0) {
            return;
        }
        double lo = Math.pow(10, Math.floor(Math.log10(min)));
        double hi = Math.pow(10, Math.ceil(Math.log10(max)));
        if (hi <= lo) {
            hi = lo * 10;
        }
        axis.setRange(lo, hi);
    }

    /** Tick labels that read the same whatever the build machine's locale. */
    static NumberFormat plain(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    static BasicStroke line(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {5f, 4f}, 0f);
    }
}
