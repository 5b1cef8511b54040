package dev.gttrainset.pipeline;

import dev.gttrainset.parse.SessionRoots;
import dev.gttrainset.parse.TranscriptPath;
import dev.gttrainset.stats.StatKeys;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;

/**
 * Entries under the sessions folder that are named like transcripts but are not files the job can
 * read: a folder called {@code x.jsonl}, a link to nothing, a pipe. File matching passes over them
 * without a word; this scan (links not followed, so a loop cannot trap it) counts them, so the
 * report can say so.
 */
final class EntriesNotRead {
  private EntriesNotRead() {}

  /** The counts under every root, as statistics the job starts with. */
  static Create.Values<KV<String, Long>> statsOf(SessionRoots roots) {
    Map<String, Long> counts = new TreeMap<>();
    roots.roots().forEach(root -> under(root.folder()).forEach((key, count) -> counts.merge(key, count, Long::sum)));
    List<KV<String, Long>> stats = new ArrayList<>();
    counts.forEach((key, count) -> stats.add(KV.of(key, count)));
    return Create.of(stats).withCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }

  /** Statistics keys ({@code files.not_read.<reason>}) to counts; empty for non-local roots. */
  static Map<String, Long> under(String root) {
    Map<String, Long> counts = new TreeMap<>();
    if (!root.startsWith("/")) {
      return counts;
    }
    Path folder = Paths.get(root);
    if (!Files.isDirectory(folder)) {
      return counts;
    }
    try {
      Files.walkFileTree(
          folder,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
              if (!dir.equals(folder) && TranscriptPath.isTranscript(dir.getFileName().toString())) {
                counts.merge(StatKeys.notRead("folder-named-like-a-transcript"), 1L, Long::sum);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              if (!TranscriptPath.isTranscript(file.getFileName().toString())) {
                return FileVisitResult.CONTINUE;
              }
              if (attributes.isSymbolicLink() && !Files.exists(file)) {
                counts.merge(StatKeys.notRead("link-to-nothing"), 1L, Long::sum);
              } else if (!attributes.isSymbolicLink() && !attributes.isRegularFile()) {
                counts.merge(StatKeys.notRead("not-a-regular-file"), 1L, Long::sum);
              } else if (attributes.isSymbolicLink() && Files.isDirectory(file)) {
                counts.merge(StatKeys.notRead("link-to-a-folder"), 1L, Long::sum);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              counts.merge(StatKeys.notRead("unlistable"), 1L, Long::sum);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      counts.merge(StatKeys.notRead("unlistable"), 1L, Long::sum);
    }
    return counts;
  }
}
