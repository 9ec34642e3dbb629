package io.backprop4j.cli.report;

import io.backprop4j.core.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/** The report's charts, drawn with XChart and written as PNG files atomically. */
final class Charts {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;

    private Charts() {
    }

    /** A line chart with one series per entry of {@code series}: x values, then y values. */
    static XYChart lines(String title, String xTitle, String yTitle, Map<String, double[][]> series, boolean logY) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setMarkerSize(5);
        series.forEach((name, xy) -> chart.addSeries(name, xy[0], xy[1]));
        return chart;
    }

    /** A grouped bar chart: one bar group per category, one bar colour per entry of {@code series}. */
    static CategoryChart bars(String title, String yTitle, List<String> categories, Map<String, double[]> series) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle(yTitle)
                .build();
        chart.getStyler().setAvailableSpaceFill(0.8);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        series.forEach((name, values) -> chart.addSeries(name, categories, Arrays.stream(values).boxed().toList()));
        return chart;
    }

    static void writePng(Chart<?, ?> chart, Path file) throws IOException {
        AtomicFile.write(file, out -> ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", out));
    }
}
