package dev.gttrainset.parse;

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
 * What a transcript's last records say, read cheaply: the latest timestamp and the session the
 * file was last written for. Claude Code appends records in time order, so the tail of a plain
 * file holds both; a compressed file is read through.
 */
public final class TranscriptTail {
  /** How much of a plain file's end is read; enough for hundreds of records. */
  static final int TAIL_BYTES = 64 * 1024;

  private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\"\\s*:\\s*\"([^\"]{10,40})\"");
  private static final Pattern SESSION_ID = Pattern.compile("\"sessionId\"\\s*:\\s*\"([^\"\\\\]{1,200})\"");

  private final long lastRecordMillis;
  private final String sessionId;

  private TranscriptTail(long lastRecordMillis, String sessionId) {
    this.lastRecordMillis = lastRecordMillis;
    this.sessionId = sessionId;
  }

  /** The latest timestamp in the file, or {@link Timestamps#NONE} when it has none. */
  public long lastRecordMillis() {
    return lastRecordMillis;
  }

  /** The {@code sessionId} of the last record naming one, or "" when none does. */
  public String sessionId() {
    return sessionId;
  }

  public static TranscriptTail of(MatchResult.Metadata file) throws IOException {
    String name = file.resourceId().getFilename();
    if (name != null && name.endsWith(".gz")) {
      try (InputStream in = new GZIPInputStream(Channels.newInputStream(FileSystems.open(file.resourceId())))) {
        return readThrough(in);
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
        TranscriptTail found = new TranscriptTail(Timestamps.NONE, "").then(
            new String(tail.array(), 0, tail.position(), StandardCharsets.UTF_8));
        if (found.lastRecordMillis != Timestamps.NONE && !found.sessionId.isEmpty()) {
          return found;
        }
        seekable.position(0);
      }
      return readThrough(Channels.newInputStream(channel));
    }
  }

  private static TranscriptTail readThrough(InputStream in) throws IOException {
    TranscriptTail tail = new TranscriptTail(Timestamps.NONE, "");
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      tail = tail.then(line);
    }
    return tail;
  }

  /** This tail updated by text that comes after what it has seen. */
  TranscriptTail then(String text) {
    long latest = lastRecordMillis;
    Matcher time = TIMESTAMP.matcher(text);
    while (time.find()) {
      latest = Math.max(latest, Timestamps.parseMillis(time.group(1)));
    }
    String session = sessionId;
    Matcher id = SESSION_ID.matcher(text);
    while (id.find()) {
      session = id.group(1);
    }
    return new TranscriptTail(latest, session);
  }
}
