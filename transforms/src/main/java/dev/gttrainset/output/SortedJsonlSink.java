package dev.gttrainset.output;

import dev.gttrainset.model.OutputLine;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.io.FileIO;

/**
 * Writes a file's lines in sort-key order, whatever order the runner hands them over in: the file's
 * bytes depend on its content only. The file's lines are held until {@link #flush}.
 */
final class SortedJsonlSink implements FileIO.Sink<OutputLine> {
  private static final Comparator<OutputLine> ORDER =
      Comparator.comparing(OutputLine::sortKey).thenComparing(OutputLine::json);

  private transient WritableByteChannel channel;
  private transient List<OutputLine> lines;

  @Override
  public void open(WritableByteChannel channel) {
    this.channel = channel;
    this.lines = new ArrayList<>();
  }

  @Override
  public void write(OutputLine line) {
    lines.add(line);
  }

  @Override
  public void flush() throws IOException {
    lines.sort(ORDER);
    // Not closed: FileIO owns the channel and closes it after flush.
    Writer writer =
        new BufferedWriter(
            new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8),
            1 << 16);
    for (OutputLine line : lines) {
      writer.write(line.json());
      writer.write('\n');
    }
    writer.flush();
    lines = new ArrayList<>();
  }
}
