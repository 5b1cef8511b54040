package dev.gttrainset.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gttrainset.model.OutputLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SortedRunTest {
  @TempDir Path folder;

  @Test
  void moreRunsThanOneMergeMayOpenAreMergedInGroupsToTheSameOrder() throws IOException {
    Random random = new Random(11);
    List<OutputLine> all = new ArrayList<>();
    List<Path> runs = new ArrayList<>();
    for (int run = 0; run < 3 * SortedRun.FAN_IN + 5; run++) {
      List<OutputLine> lines = new ArrayList<>();
      for (int i = 0; i < 1 + random.nextInt(4); i++) {
        int key = random.nextInt(500);
        lines.add(OutputLine.create("f", String.format("k%03d", key), "{\"run\":" + run + ",\"key\":" + key + "}"));
      }
      all.addAll(lines);
      runs.add(SortedRun.write(folder.resolve("runs"), new ArrayList<>(lines)));
    }
    Path target = folder.resolve("f.jsonl");
    SortedRun.merge(runs, "f", target);

    all.sort(SortedRun.ORDER);
    assertEquals(all.stream().map(OutputLine::json).collect(Collectors.toList()), Files.readAllLines(target));
    try (var left = Files.list(folder)) {
      assertTrue(left.noneMatch(p -> p.toString().endsWith(".partial")), "no partial file is left");
    }
  }
}
