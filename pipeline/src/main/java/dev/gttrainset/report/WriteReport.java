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
    stats
        .apply(
            "RenderStatsJson",
            MapElements.into(TypeDescriptors.strings())
                .via((Map<String, Long> counts) -> StatsDocument.pretty(StatsDocument.build(counts, report))))
        .apply(
            "WriteStatsJson",
            TextIO.write().to(outputDirectory + "/stats").withSuffix(".json").withoutSharding());
    stats
        .apply(
            "RenderReport",
            MapElements.into(TypeDescriptors.strings())
                .via(
                    (Map<String, Long> counts) ->
                        AvailabilityReport.render(StatsDocument.build(counts, report), report)))
        .apply(
            "WriteReportMd",
            TextIO.write().to(outputDirectory + "/REPORT").withSuffix(".md").withoutSharding());
    stats
        .apply(
            "RenderReportHtml",
            MapElements.into(TypeDescriptors.strings())
                .via(
                    (Map<String, Long> counts) -> {
                      JsonNode document = StatsDocument.build(counts, report);
                      // The datasets are written by now (the stats wait on them): their first lines.
                      return HtmlReport.render(document, SampleConversations.html(Paths.get(folder), document));
                    }))
        .apply(
            "WriteReportHtml",
            TextIO.write().to(outputDirectory + "/report").withSuffix(".html").withoutSharding());
    stats
        .apply(
            "RenderDatasetCard",
            MapElements.into(TypeDescriptors.strings())
                .via((Map<String, Long> counts) -> DatasetCard.render(StatsDocument.build(counts, report), report)))
        .apply(
            "WriteDatasetCard",
            TextIO.write().to(outputDirectory + "/README").withSuffix(".md").withoutSharding());
    return PDone.in(stats.getPipeline());
  }
}
