package dev.gttrainset.parse;

import dev.gttrainset.model.Conversation;
import dev.gttrainset.model.DeadLetter;
import dev.gttrainset.stats.Counters;
import java.util.List;

/** What one transcript file yields: its conversations, its dead letters and its counts. */
public final class ParsedTranscript {
  private final List<Conversation> conversations;
  private final List<DeadLetter> deadLetters;
  private final Counters counters;

  ParsedTranscript(
      List<Conversation> conversations, List<DeadLetter> deadLetters, Counters counters) {
    this.conversations = List.copyOf(conversations);
    this.deadLetters = List.copyOf(deadLetters);
    this.counters = counters;
  }

  public List<Conversation> conversations() {
    return conversations;
  }

  public List<DeadLetter> deadLetters() {
    return deadLetters;
  }

  public Counters counters() {
    return counters;
  }
}
