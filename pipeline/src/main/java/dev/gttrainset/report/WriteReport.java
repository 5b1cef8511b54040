package dev.gttrainset.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Paths;
import java.util.Map;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Writes the statistics as {@code stats.json}, the data availability report {@code REPORT.md},
 * {@code report.html} (its charts and a few samples of each role) and the dataset card {@code
 * README.md}.
 */
public final class WriteReport extends PTransform<PCollection<Map<String, Long>>, PDone> {
  private final String outputDirectory;
  private final ReportContext context;

  private WriteReport(String outputDirectory, ReportContext context) {
    this.outputDirectory = outputDirectory;
    this.context = context;
  }

  public static WriteReport to(String outputDirectory, ReportContext context) {
    return new WriteReport(outputDirectory, context);
  }

  @Override
  public PDone expand(PCollection<Map<String, Long>> stats) {
    ReportContext report = context;
    String folder = outputDirectory;
    // stats.json is built once; every other file is rendered from its text, so they say the same.
    PCollection<String> document =
        stats.apply(
            "StatsDocument",
            MapElements.into(TypeDescriptors.strings())
                .via((Map<String, Long> counts) -> StatsDocument.pretty(StatsDocument.build(counts, report))));
    document.apply("WriteStatsJson", TextIO.write().to(folder + "/stats").withSuffix(".json").withoutSharding());
    document
        .apply(
            "RenderReport",
            MapElements.into(TypeDescriptors.strings())
                .via((String json) -> AvailabilityReport.render(StatsDocument.parse(json), report)))
        .apply("WriteReportMd", TextIO.write().to(folder + "/REPORT").withSuffix(".md").withoutSharding());
    document
        .apply(
            "RenderReportHtml",
            MapElements.into(TypeDescriptors.strings())
                .via(
                    (String json) -> {
                      JsonNode parsed = StatsDocument.parse(json);
                      // The datasets are written by now (the stats wait on them): their first lines.
                      return HtmlReport.render(parsed, SampleConversations.html(Paths.get(folder), parsed));
                    }))
        .apply("WriteReportHtml", TextIO.write().to(folder + "/report").withSuffix(".html").withoutSharding());
    document
        .apply(
            "RenderDatasetCard",
            MapElements.into(TypeDescriptors.strings())
                .via((String json) -> DatasetCard.render(StatsDocument.parse(json), report)))
        .apply("WriteDatasetCard", TextIO.write().to(folder + "/README").withSuffix(".md").withoutSharding());
    return PDone.in(stats.getPipeline());
  }
}
