package dev.gttrainset.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Writes the statistics as {@code stats.json}, the data availability report {@code REPORT.md},
 * {@code report.html} (its charts and a few samples of each role) and the dataset card {@code
 * README.md}: four small files from one element, in one step, written with {@code java.nio} as
 * the datasets are. A {@code TextIO} write per file would add some thirty steps each, and on the
 * DirectRunner their side inputs are retried on every turn of the scheduler until the end of the
 * run.
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
    stats
        .apply(
            "StatsDocument",
            MapElements.into(TypeDescriptors.strings())
                .via((Map<String, Long> counts) -> StatsDocument.pretty(StatsDocument.build(counts, report))))
        .apply("RenderAndWriteFiles", ParDo.of(new WriteFilesFn(outputDirectory, report)));
    return PDone.in(stats.getPipeline());
  }

  /** stats.json is built once; every other file is rendered from its text, so they say the same. */
  private static final class WriteFilesFn extends DoFn<String, Void> {
    private final String outputDirectory;
    private final ReportContext report;

    WriteFilesFn(String outputDirectory, ReportContext report) {
      this.outputDirectory = outputDirectory;
      this.report = report;
    }

    @ProcessElement
    public void process(@Element String json) throws IOException {
      Path folder = Files.createDirectories(Paths.get(outputDirectory));
      JsonNode parsed = StatsDocument.parse(json);
      write(folder.resolve("stats.json"), json);
      write(folder.resolve("REPORT.md"), AvailabilityReport.render(parsed, report));
      // The datasets are written by now (the stats wait on them): their first lines.
      write(folder.resolve("report.html"), HtmlReport.render(parsed, SampleConversations.html(folder, parsed)));
      write(folder.resolve("README.md"), DatasetCard.render(parsed, report));
    }

    /** As a text file of one line: the text and a newline. */
    private static void write(Path file, String text) throws IOException {
      Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
    }
  }
}
