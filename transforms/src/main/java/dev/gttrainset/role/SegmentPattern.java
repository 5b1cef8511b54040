package dev.gttrainset.role;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pattern over '/'-separated segments: literals, {@code {name}} captures of one segment, and a
 * trailing {@code **} for any rest. {@code {rig}/crew/{worker}/**} matches {@code gastown/crew/joe}
 * and {@code gastown/crew/joe/src}, capturing rig and worker.
 */
public final class SegmentPattern implements Serializable {
  private static final String REST = "**";

  private final String text;
  private final List<String> tokens;
  private final boolean openEnded;

  private SegmentPattern(String text) {
    this.text = text;
    List<String> all = List.of(text.split("/"));
    this.openEnded = all.get(all.size() - 1).equals(REST);
    this.tokens = openEnded ? all.subList(0, all.size() - 1) : all;
  }

  public static SegmentPattern of(String text) {
    return new SegmentPattern(text);
  }

  /** The captures when the segments match, e.g. {@code {rig=gastown, worker=joe}}. */
  public Optional<Map<String, String>> match(List<String> segments) {
    if (segments.size() < tokens.size() || (!openEnded && segments.size() != tokens.size())) {
      return Optional.empty();
    }
    Map<String, String> captures = new HashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      String segment = segments.get(i);
      if (token.startsWith("{") && token.endsWith("}")) {
        if (segment.isEmpty()) {
          return Optional.empty();
        }
        captures.put(token.substring(1, token.length() - 1), segment);
      } else if (!token.equals(segment)) {
        return Optional.empty();
      }
    }
    return Optional.of(captures);
  }

  /** The number of fixed segments, i.e. how many a match consumes before the open rest. */
  public int length() {
    return tokens.size();
  }

  @Override
  public String toString() {
    return text;
  }
}
