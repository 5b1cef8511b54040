package dev.gttrainset.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code report.html}: the report's numbers to look at rather than read, one page with its charts
 * inline (no script, no request): the role distribution, samples per role through deduplication
 * and balance, and the score distribution of each role.
 */
final class HtmlReport {
  private HtmlReport() {}

  /** @param conversations a few samples of each role as conversations ({@link SampleConversations}) */
  static String render(JsonNode stats, String conversations) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>gt-trainset: data availability</title>"
        + "<style>body{font-family:sans-serif;margin:24px;max-width:1200px}section{display:inline-block;"
        + "vertical-align:top;margin:0 24px 24px 0}h1{font-size:20px}h2{font-size:16px}td,th{padding:2px 8px;"
        + "text-align:right}th:first-child,td:first-child{text-align:left}"
        + SampleConversations.STYLE + "</style></head><body>\n");
    html.append("<h1>Data availability</h1>\n");
    JsonNode samples = stats.path("samples");
    JsonNode lines = stats.path("lines");
    html.append("<table id=\"summary\">");
    row(html, "Lines read", lines.path("read").asLong());
    row(html, "Dead letters", lines.path("dead_letters").asLong());
    row(html, "Samples built", samples.path("built").asLong());
    row(html, "Duplicates (near-duplicates among them)", samples.path("duplicates").asLong());
    row(html, "Near-duplicates", samples.path("near_duplicates").asLong());
    row(html, "Rejected", samples.path("rejected").asLong());
    row(html, "Quarantined by the leak gate (among the rejected)", stats.path("leak_gate").path("quarantined_samples").asLong());
    row(html, "Repeated by balance", samples.path("repeated").asLong());
    row(html, "Written", samples.path("written").asLong());
    html.append("</table>\n");

    List<Map.Entry<String, JsonNode>> roles = AvailabilityReport.rolesBySamples(stats);
    List<SvgCharts.Row> distribution = new ArrayList<>();
    List<SvgCharts.Row> stages = new ArrayList<>();
    List<SvgCharts.Row> balance = new ArrayList<>();
    for (Map.Entry<String, JsonNode> role : roles) {
      JsonNode r = role.getValue();
      distribution.add(new SvgCharts.Row(role.getKey(), new long[] {r.path("samples").asLong()}));
      long built = r.path("samples_built").asLong();
      long afterDedup = Math.max(0, built - r.path("duplicates").asLong());
      stages.add(new SvgCharts.Row(role.getKey(), new long[] {built, afterDedup, r.path("samples").asLong()}));
      balance.add(new SvgCharts.Row(
          role.getKey(), new long[] {r.path("train_before_balance").asLong(), r.path("train_after_balance").asLong()}));
    }
    section(html, "roles", SvgCharts.bars("Samples written, by role", List.of("written"), distribution));
    section(html, "stages", SvgCharts.bars("Samples per role: built, after deduplication, written",
        List.of("built", "after deduplication", "written"), stages));
    section(html, "balance", SvgCharts.bars("Training samples per role, before and after balance",
        List.of("before", "after"), balance));
    html.append("<h2>Scores of the written samples, by role</h2>\n");
    for (Map.Entry<String, JsonNode> role : roles) {
      JsonNode scores = stats.path("scores").path(role.getKey());
      if (scores.size() > 0) {
        section(html, "scores-" + role.getKey(), SvgCharts.histogram("Scores: " + role.getKey(), OutcomeReport.bins(scores)));
      }
    }
    html.append("<h2 id=\"before-training\">Look before you train</h2>\n");
    Map<String, Long> belowOpenAi = TrainerMinimums.belowOpenAi(stats);
    if (!belowOpenAi.isEmpty()) {
      html.append("<ul id=\"minimums\">");
      belowOpenAi.forEach((file, n) -> html.append("<li>").append(SvgCharts.escape(TrainerMinimums.warning(file, n)).replace("`", ""))
          .append("</li>"));
      html.append("</ul>\n");
    }
    html.append("<p>The first samples of each role as the model will read them: tool calls and replies folded,"
        + " context turns (not trained here) faded, the job's placeholders <mark class=\"placeholder\">marked</mark>.</p>\n");
    html.append(conversations);
    html.append("<p>Every number here is in <code>stats.json</code>; <code>REPORT.md</code> says what they mean.</p>\n");
    return html.append("</body></html>\n").toString();
  }

  private static void row(StringBuilder html, String measure, long value) {
    html.append("<tr><td>").append(SvgCharts.escape(measure)).append("</td><td>")
        .append(Markdown.n(value)).append("</td></tr>");
  }

  private static void section(StringBuilder html, String id, String svg) {
    html.append("<section id=\"").append(id).append("\">").append(svg).append("</section>\n");
  }
}
