package dev.gttrainset.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.beam.sdk.io.FileIO;

/** Reads a matched file line by line, decompressing by extension ({@code .gz}). */
final class LineFiles {
  private LineFiles() {}

  /** Hands every line to {@code lines}; an exception means the rest of the file is unread. */
  static void forEachLine(FileIO.ReadableFile file, Consumer<String> lines) throws IOException {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(Channels.newInputStream(file.open()), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.accept(line);
      }
    }
  }

  /** A short, stable reason id for a failure to read on. */
  static String readFailure(IOException e) {
    return e instanceof java.util.zip.ZipException || e instanceof java.io.EOFException
        ? "corrupt-archive"
        : "read-error";
  }
}
