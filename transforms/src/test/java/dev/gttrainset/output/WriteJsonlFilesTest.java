package dev.gttrainset.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gttrainset.model.OutputLine;
import dev.gttrainset.testing.TestPipelineExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class WriteJsonlFilesTest {
  @TempDir Path output;

  private static List<OutputLine> shuffledLines() {
    List<OutputLine> lines = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      lines.add(OutputLine.create(i % 2 == 0 ? "mayor_train" : "deacon_train", String.format("k%03d", i), "{\"i\":" + i + "}"));
    }
    // Two lines with one sort key: their text orders them.
    lines.add(OutputLine.create("mayor_train", "k000", "{\"i\":\"0b\"}"));
    Collections.shuffle(lines, new Random(7));
    return lines;
  }

  private List<String> regularFiles() throws IOException {
    try (Stream<Path> files = Files.list(output)) {
      return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void writesOneSortedFilePerNameWhateverTheInputOrder(TestPipeline pipeline) throws IOException {
    PCollection<String> written = pipeline.apply(Create.of(shuffledLines())).apply(WriteJsonlFiles.to(output.toString()));
    PAssert.that(written).containsInAnyOrder("deacon_train.jsonl", "mayor_train.jsonl");
    pipeline.run().waitUntilFinish();

    assertEquals(List.of("deacon_train.jsonl", "mayor_train.jsonl"), regularFiles());
    List<String> mayor = Files.readAllLines(output.resolve("mayor_train.jsonl"));
    assertEquals(101, mayor.size());
    assertEquals(List.of("{\"i\":\"0b\"}", "{\"i\":0}", "{\"i\":2}"), mayor.subList(0, 3));
    assertEquals("{\"i\":198}", mayor.get(100));
  }

  @Test
  void manySmallRunsMergeIntoTheSameBytes(TestPipeline pipeline) throws IOException {
    Path oneRun = output.resolve("one-run");
    Path manyRuns = output.resolve("many-runs");
    pipeline.apply("Lines", Create.of(shuffledLines())).apply("OneRun", WriteJsonlFiles.to(oneRun.toString()));
    // A run every few lines: a bundle's lines end up in many runs.
    pipeline
        .apply("SameLines", Create.of(shuffledLines()))
        .apply("ManyRuns", WriteJsonlFiles.to(manyRuns.toString()).withRunChars(40));
    pipeline.run().waitUntilFinish();

    try (Stream<Path> runs = Files.walk(manyRuns.resolve(WriteJsonlFiles.RUNS))) {
      long count = runs.filter(p -> p.toString().endsWith(".run")).count();
      assertTrue(count >= 50, "expected a run every few lines, found " + count);
    }
    for (String file : List.of("mayor_train.jsonl", "deacon_train.jsonl")) {
      assertEquals(Files.readString(oneRun.resolve(file)), Files.readString(manyRuns.resolve(file)), file);
    }
  }
}
