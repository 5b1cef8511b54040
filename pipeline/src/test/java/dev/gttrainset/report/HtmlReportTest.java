package dev.gttrainset.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class HtmlReportTest {
  private static final Pattern SVG = Pattern.compile("<section id=\"([^\"]+)\">(<svg.*?</svg>)", Pattern.DOTALL);

  private static String page() {
    return HtmlReport.render(StatsDocument.build(OutcomeReportTest.counts(), OutcomeReportTest.context("cap", "")), "");
  }

  @Test
  void everyChartIsWellFormedSvgWithABarPerValue() throws Exception {
    Matcher charts = SVG.matcher(page());
    List<String> ids = new ArrayList<>();
    while (charts.find()) {
      ids.add(charts.group(1));
      Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
          .parse(new ByteArrayInputStream(charts.group(2).getBytes(StandardCharsets.UTF_8)));
      assertEquals("svg", svg.getDocumentElement().getTagName());
      if (charts.group(1).equals("stages")) {
        // built, after deduplication and written for each of the two roles, plus the legend's three keys
        assertEquals(2 * 3 + 3, svg.getElementsByTagName("rect").getLength());
      }
    }
    assertEquals(List.of("roles", "stages", "balance", "scores-deacon", "scores-polecat"), ids);
  }

  @Test
  void thePageNeedsNothingButItself() {
    String page = page();
    assertTrue(page.startsWith("<!DOCTYPE html>"), page);
    assertFalse(page.contains("<script"), page);
    assertFalse(page.contains("src="), page);
    assertFalse(page.contains("href="), page);
    assertTrue(page.contains("<td>Near-duplicates</td><td>9</td>"), page);
  }

  @Test
  void labelsAreEscaped() {
    String svg = SvgCharts.bars("a <b> & \"c\"", List.of("x"), List.of(new SvgCharts.Row("<role>", new long[] {1})));
    assertFalse(svg.contains("<role>"), svg);
    assertTrue(svg.contains("&lt;role&gt;") && svg.contains("a &lt;b&gt; &amp; &quot;c&quot;"), svg);
  }
}
