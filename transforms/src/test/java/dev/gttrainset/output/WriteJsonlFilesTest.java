package dev.gttrainset.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class WriteJsonlFilesTest {
  @TempDir Path output;

  @Test
  void writesOneSortedFilePerNameWhateverTheInputOrder(TestPipeline pipeline) throws IOException {
    List<OutputLine> lines = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      lines.add(OutputLine.create(i % 2 == 0 ? "mayor_train" : "deacon_train", String.format("k%03d", i), "{\"i\":" + i + "}"));
    }
    Collections.shuffle(lines, new Random(7));

    pipeline.apply(Create.of(lines)).apply(WriteJsonlFiles.to(output.toString()));
    pipeline.run().waitUntilFinish();

    try (Stream<Path> files = Files.list(output)) {
      assertEquals(
          List.of("deacon_train.jsonl", "mayor_train.jsonl"),
          files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
    }
    List<String> mayor = Files.readAllLines(output.resolve("mayor_train.jsonl"));
    assertEquals(100, mayor.size());
    assertEquals("{\"i\":0}", mayor.get(0));
    assertEquals("{\"i\":2}", mayor.get(1));
    assertEquals("{\"i\":198}", mayor.get(99));
  }
}
