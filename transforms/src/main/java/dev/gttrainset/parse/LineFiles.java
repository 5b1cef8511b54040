package dev.gttrainset.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import org.apache.beam.sdk.io.FileIO;

/** Reads a matched file line by line, decompressing by extension ({@code .gz}). */
final class LineFiles {
  private LineFiles() {}

  /** Hands every line to {@code lines}; an exception means the rest of the file is unread. */
  static void forEachLine(FileIO.ReadableFile file, LineReader.Sink lines) throws IOException {
    try (InputStream in = Channels.newInputStream(file.open())) {
      LineReader.read(in, lines);
    }
  }

  /** A short, stable reason id for a failure to read on: a compressed file that fails is corrupt. */
  static String readFailure(FileIO.ReadableFile file, IOException e) {
    String name = file.getMetadata().resourceId().getFilename();
    boolean compressed = name != null && name.endsWith(".gz");
    return compressed || e instanceof java.util.zip.ZipException ? "corrupt-archive" : "read-error";
  }
}
