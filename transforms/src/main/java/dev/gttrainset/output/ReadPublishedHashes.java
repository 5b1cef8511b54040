package dev.gttrainset.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.parse.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * The content hashes of every sample that earlier partitions published, read from their datasets'
 * {@code metadata.content_sha256} (or, for {@code --format=openai}, their {@code .meta.jsonl} files'
 * {@code content_sha256}): a side input for {@code Deduplicate}.
 */
public final class ReadPublishedHashes extends PTransform<PBegin, PCollectionView<List<String>>> {
  private final List<String> filepatterns;

  private ReadPublishedHashes(List<String> filepatterns) {
    this.filepatterns = List.copyOf(filepatterns);
  }

  /** @param filepatterns the dataset files of each earlier partition, e.g. {@code out/dt=1/*_train.jsonl} */
  public static ReadPublishedHashes from(List<String> filepatterns) {
    return new ReadPublishedHashes(filepatterns);
  }

  @Override
  public PCollectionView<List<String>> expand(PBegin input) {
    return input
        .apply("EarlierDatasets", Create.of(filepatterns).withCoder(StringUtf8Coder.of()))
        .apply("MatchDatasets", FileIO.matchAll().withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
        .apply("ReadDatasets", FileIO.readMatches())
        .apply("ContentHashes", ParDo.of(new HashesFn()))
        .apply("AsList", View.asList());
  }

  private static final class HashesFn extends DoFn<FileIO.ReadableFile, String> {
    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, OutputReceiver<String> out) throws IOException {
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(Channels.newInputStream(file.open()), StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          JsonNode record = Json.MAPPER.readTree(line);
          // A dataset line holds its metadata; a line of a .meta.jsonl file is the metadata.
          JsonNode hash = record.has("metadata") ? record.path("metadata").path("content_sha256") : record.path("content_sha256");
          if (hash.isTextual()) {
            out.output(hash.asText());
          }
        }
      }
    }
  }
}
