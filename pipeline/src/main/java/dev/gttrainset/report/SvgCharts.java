package dev.gttrainset.report;

import java.util.List;
import java.util.Locale;

/** Bar charts as inline SVG, for a report page that needs nothing but itself. */
final class SvgCharts {
  /** One category: its label and a value per series. */
  record Row(String label, long[] values) {}

  static final String[] COLORS = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948"};

  private static final int LABEL_WIDTH = 90;
  private static final int BAR = 14;
  private static final int WIDTH = 560;

  private SvgCharts() {}

  /** Horizontal bars, a group per row, a bar per series, each with its number. */
  static String bars(String title, List<String> series, List<Row> rows) {
    long max = 1;
    for (Row row : rows) {
      for (long value : row.values()) {
        max = Math.max(max, value);
      }
    }
    int group = series.size() * BAR + 8;
    int height = 40 + rows.size() * group + 24;
    StringBuilder svg = open(title, height);
    int y = 34;
    for (Row row : rows) {
      svg.append(text(8, y + group / 2 - 2, "start", escape(row.label())));
      for (int s = 0; s < series.size(); s++) {
        long value = row.values()[s];
        int width = (int) Math.round((WIDTH - LABEL_WIDTH - 70) * value / (double) max);
        svg.append(String.format(Locale.ROOT,
            "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s, %s: %,d</title></rect>",
            LABEL_WIDTH, y + s * BAR, width, BAR - 2, COLORS[s % COLORS.length], escape(row.label()), escape(series.get(s)), value));
        svg.append(text(LABEL_WIDTH + width + 4, y + s * BAR + BAR - 4, "start", Markdown.n(value)));
      }
      y += group;
    }
    legend(svg, series, height - 14);
    return svg.append("</svg>\n").toString();
  }

  /** A histogram of ten bins from 0 to 1. */
  static String histogram(String title, long[] bins) {
    long max = 1;
    for (long count : bins) {
      max = Math.max(max, count);
    }
    int height = 150;
    StringBuilder svg = open(title, height);
    int barWidth = (WIDTH - 40) / bins.length;
    for (int bin = 0; bin < bins.length; bin++) {
      int h = (int) Math.round(90 * bins[bin] / (double) max);
      int x = 20 + bin * barWidth;
      svg.append(String.format(Locale.ROOT,
          "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s: %,d</title></rect>",
          x, 120 - h, barWidth - 4, h, COLORS[0], OutcomeReport.binLabel(bin), bins[bin]));
      svg.append(text(x + barWidth / 2 - 2, 134, "middle", String.format(Locale.ROOT, "%.1f", bin / 10.0)));
      if (bins[bin] > 0) {
        svg.append(text(x + barWidth / 2 - 2, 116 - h, "middle", Markdown.n(bins[bin])));
      }
    }
    return svg.append("</svg>\n").toString();
  }

  private static StringBuilder open(String title, int height) {
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">",
        WIDTH, height, WIDTH, height));
    svg.append("<title>").append(escape(title)).append("</title>");
    svg.append(text(8, 18, "start", "<tspan font-weight=\"bold\">" + escape(title) + "</tspan>"));
    return svg;
  }

  private static void legend(StringBuilder svg, List<String> series, int y) {
    int x = LABEL_WIDTH;
    for (int s = 0; s < series.size(); s++) {
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>",
          x, y - 9, COLORS[s % COLORS.length]));
      svg.append(text(x + 14, y, "start", escape(series.get(s))));
      x += 24 + 7 * series.get(s).length();
    }
  }

  private static String text(int x, int y, String anchor, String body) {
    return String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" font-family=\"sans-serif\" font-size=\"11\">%s</text>", x, y, anchor, body);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
