package dev.opsbot.app.triage;

import dev.opsbot.core.chat.Block;
import dev.opsbot.core.triage.ChangeEvent;
import dev.opsbot.core.triage.Sample;
import dev.opsbot.core.triage.SymptomReading;
import dev.opsbot.core.triage.TriageReport;
import dev.opsbot.core.triage.answer.ChartRenderer;
import dev.opsbot.core.triage.result.TriageResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The symptom over the window as a PNG (XChart, headless): the signal, a red line at the onset and a grey line per
 * change with its short name. Drawing never fails an answer: any error means no chart.
 */
public final class SymptomChart implements ChartRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(SymptomChart.class);
    private static final int WIDTH = 900;
    private static final int HEIGHT = 360;
    private static final int MAX_CHANGE_MARKERS = 6;
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    @Override
    public Optional<Block.Image> render(TriageReport report) {
        SymptomReading symptom = report.symptom();
        if (symptom.series().size() < 2) {
            return Optional.empty();
        }
        try {
            XYChart chart = chart(report.result(), symptom);
            markChanges(chart, report.changes(), symptom.series());
            if (symptom.onset() != null) {
                mark(
                        chart,
                        "onset " + CLOCK.format(symptom.onset()),
                        symptom.onset().toEpochMilli(),
                        Color.RED,
                        symptom.series(),
                        0.7);
            }
            byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            return Optional.of(new Block.Image(title(report.result()), "image/png", png, altText(report.result())));
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.warn("could not draw the symptom chart: {}", e.toString());
            return Optional.empty();
        }
    }

    private static XYChart chart(TriageResult result, SymptomReading symptom) {
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title(result))
                .xAxisTitle("UTC")
                .yAxisTitle(yAxis(result.symptom().kind()))
                .build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setDatePattern("HH:mm");
        chart.getStyler().setTimezone(TimeZone.getTimeZone("UTC"));
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        List<Date> times = symptom.series().stream().map(s -> Date.from(s.at())).toList();
        List<Double> values = symptom.series().stream().map(Sample::value).toList();
        XYSeries series = chart.addSeries(result.symptom().kind(), times, values);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(new Color(0x1f, 0x6f, 0xeb));
        series.setLineWidth(2.5f);
        return chart;
    }

    private static void markChanges(XYChart chart, List<ChangeEvent> changes, List<Sample> series) {
        long from = series.getFirst().at().toEpochMilli();
        long to = series.getLast().at().toEpochMilli();
        List<ChangeEvent> shown = changes.stream()
                .filter(c -> c.at().toEpochMilli() >= from && c.at().toEpochMilli() <= to)
                .limit(MAX_CHANGE_MARKERS)
                .toList();
        // labels step down the chart so that changes minutes apart do not print over each other
        for (int i = 0; i < shown.size(); i++) {
            ChangeEvent change = shown.get(i);
            mark(chart, label(change), change.at().toEpochMilli(), Color.DARK_GRAY, series, 0.95 - 0.08 * (i % 3));
        }
    }

    private static void mark(
            XYChart chart, String label, long at, Color color, List<Sample> series, double labelHeight) {
        double top = series.stream()
                .mapToDouble(Sample::value)
                .filter(Double::isFinite)
                .max()
                .orElse(1);
        // markers are two-point series on the same date axis: XChart refuses to mix numbers and dates
        XYSeries line = chart.addSeries(label + "@" + at, List.of(new Date(at), new Date(at)), List.of(0.0, top));
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(color);
        line.setLineStyle(
                new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 4}, 0));
        chart.addAnnotation(new org.knowm.xchart.AnnotationText(label, at, top * labelHeight, false));
    }

    private static String label(ChangeEvent change) {
        String what =
                switch (change.kind()) {
                    case ROLLOUT -> "rev " + change.revision();
                    case SYNC -> "argo sync";
                    case CI_RUN -> "ci run";
                    case CONFIG_CHANGE -> "config";
                    case SECRET_CHANGE -> "secret";
                    case SCALE -> "scale";
                    case NETWORK_POLICY -> "netpol";
                };
        return what + " " + CLOCK.format(change.at());
    }

    private static String title(TriageResult result) {
        return result.service() + " "
                + result.symptom().kind().replace("http_5xx", "5xx ratio").replace('_', ' ');
    }

    private static String yAxis(String symptomKind) {
        return switch (symptomKind) {
            case "latency" -> "p99 seconds";
            case "restarts" -> "restarts / 5 min";
            default -> "share of requests 5xx";
        };
    }

    private static String altText(TriageResult result) {
        return title(result) + " over the last hour"
                + (result.symptom().onset() == null
                        ? ""
                        : ", rising at " + CLOCK.format(result.symptom().onset()));
    }
}
