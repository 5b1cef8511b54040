package dev.gttrainset.output;

import dev.gttrainset.model.OutputLine;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/**
 * Writes every output line to {@code <output>/<file>.jsonl}, one file per name, each sorted
 * ({@link SortedJsonlSink}). FileIO writes to a temporary folder and renames when done, so a
 * file is either complete or absent.
 */
public final class WriteJsonlFiles
    extends PTransform<PCollection<OutputLine>, WriteFilesResult<String>> {
  private final String outputDirectory;

  private WriteJsonlFiles(String outputDirectory) {
    this.outputDirectory = outputDirectory;
  }

  public static WriteJsonlFiles to(String outputDirectory) {
    return new WriteJsonlFiles(outputDirectory);
  }

  @Override
  public WriteFilesResult<String> expand(PCollection<OutputLine> lines) {
    return lines.apply(
        "WriteJsonl",
        FileIO.<String, OutputLine>writeDynamic()
            .by(OutputLine::file)
            .withDestinationCoder(StringUtf8Coder.of())
            .via(new SortedJsonlSink())
            .to(outputDirectory)
            .withNaming(file -> (window, pane, numShards, shardIndex, compression) -> file + ".jsonl")
            .withNumShards(1));
  }
}
