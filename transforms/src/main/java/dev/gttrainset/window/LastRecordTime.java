package dev.gttrainset.window;

import dev.gttrainset.parse.Timestamps;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * The latest timestamp in a transcript, read cheaply: Claude Code appends records in time order,
 * so the tail of a plain file holds it; a compressed file is read through.
 */
public final class LastRecordTime {
  /** How much of a plain file's end is read; enough for hundreds of records. */
  static final int TAIL_BYTES = 64 * 1024;

  private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\"\\s*:\\s*\"([^\"]{10,40})\"");

  private LastRecordTime() {}

  /** The latest timestamp in the file, or {@link Timestamps#NONE} when it has none. */
  public static long of(MatchResult.Metadata file) throws IOException {
    String name = file.resourceId().getFilename();
    if (name != null && name.endsWith(".gz")) {
      try (InputStream in = new GZIPInputStream(Channels.newInputStream(FileSystems.open(file.resourceId())))) {
        return latestIn(in);
      }
    }
    try (ReadableByteChannel channel = FileSystems.open(file.resourceId())) {
      if (channel instanceof SeekableByteChannel && file.sizeBytes() > TAIL_BYTES) {
        SeekableByteChannel seekable = (SeekableByteChannel) channel;
        seekable.position(file.sizeBytes() - TAIL_BYTES);
        ByteBuffer tail = ByteBuffer.allocate(TAIL_BYTES);
        while (tail.hasRemaining() && seekable.read(tail) > 0) {
          // read the whole tail
        }
        long latest = latestIn(new String(tail.array(), 0, tail.position(), StandardCharsets.UTF_8));
        if (latest != Timestamps.NONE) {
          return latest;
        }
        seekable.position(0);
      }
      return latestIn(Channels.newInputStream(channel));
    }
  }

  private static long latestIn(InputStream in) throws IOException {
    long latest = Timestamps.NONE;
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      latest = Math.max(latest, latestIn(line));
    }
    return latest;
  }

  static long latestIn(String text) {
    long latest = Timestamps.NONE;
    Matcher matcher = TIMESTAMP.matcher(text);
    while (matcher.find()) {
      latest = Math.max(latest, Timestamps.parseMillis(matcher.group(1)));
    }
    return latest;
  }
}
