package dev.gttrainset.model;

import com.google.auto.value.AutoValue;
import com.google.auto.value.extension.memoized.Memoized;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.BigDecimalCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * One training example: a window of a conversation, opened by the role's system prompt, with the
 * metadata that travels with it to the output record.
 */
@AutoValue
public abstract class Sample {
  /** Cost of a session no cost record matched. */
  public static final long NO_COST = -1L;

  public abstract String sessionId();

  public abstract String agentId();

  public abstract String sourceFile();

  public abstract RoleTag role();

  /** The window's place in its conversation, from 0. */
  public abstract long sampleIndex();

  public abstract long firstTimestampMillis();

  /** System prompt first, then user, assistant and tool messages. */
  public abstract List<ChatMessage> messages();

  public abstract long estTokens();

  /** The session's cost in micro-dollars, or {@link #NO_COST}. */
  public abstract long costMicros();

  /** Scrub rule id to the number of replacements it made in this sample. */
  public abstract Map<String, Long> redactions();

  public abstract List<String> qualityFlags();

  /** SHA-256 of the canonical scrubbed conversation; "" until hashed. */
  public abstract String contentSha256();

  /**
   * The sample's score: the weighted mean of its components ({@link ScoreComponent#weightedMean}),
   * worked out once per sample and read by the quality filter, the metadata and the report's bins.
   */
  @Memoized
  public double score() {
    return ScoreComponent.weightedMean(scoreComponents());
  }

  /** {@code train} or {@code val}; "" until split. */
  public abstract String split();

  /** 0 for a sample; 1, 2, ... for its repeats when rare roles are oversampled. */
  public abstract long repeatIndex();

  /** The parts of its quality score by name; empty until scored. */
  public abstract Map<String, ScoreComponent> scoreComponents();

  /** What became of its session's work, in words: the signal, the bead and its status. */
  public abstract Map<String, String> outcome();

  /** What became of its session's work, in numbers: calls, errors, tokens, the metric cost in USD. */
  public abstract Map<String, BigDecimal> outcomeNumbers();

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_Sample.Builder()
        .setAgentId("")
        .setCostMicros(NO_COST)
        .setRedactions(Map.of())
        .setQualityFlags(List.of())
        .setContentSha256("")
        .setSplit("")
        .setRepeatIndex(0)
        .setScoreComponents(Map.of())
        .setOutcome(Map.of())
        .setOutcomeNumbers(Map.of());
  }

  /**
   * Where the sample sits among all samples: a total, stable order for files and survivors. The
   * source file tells apart two copies of one session; the index keeps a conversation's order; a
   * repeat follows its sample.
   */
  public String orderKey() {
    String key =
        String.format("%s\u0000%s\u0000%012d\u0000%s", sessionId(), agentId(), sampleIndex(), sourceFile());
    return repeatIndex() == 0 ? key : key + "\u0000" + repeatIndex();
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setSessionId(String sessionId);

    public abstract Builder setAgentId(String agentId);

    public abstract Builder setSourceFile(String sourceFile);

    public abstract Builder setRole(RoleTag role);

    public abstract Builder setSampleIndex(long sampleIndex);

    public abstract Builder setFirstTimestampMillis(long firstTimestampMillis);

    public abstract Builder setMessages(List<ChatMessage> messages);

    public abstract Builder setEstTokens(long estTokens);

    public abstract Builder setCostMicros(long costMicros);

    public abstract Builder setRedactions(Map<String, Long> redactions);

    public abstract Builder setQualityFlags(List<String> qualityFlags);

    public abstract Builder setContentSha256(String contentSha256);

    public abstract Builder setSplit(String split);

    public abstract Builder setRepeatIndex(long repeatIndex);

    public abstract Builder setScoreComponents(Map<String, ScoreComponent> components);

    public abstract Builder setOutcome(Map<String, String> outcome);

    public abstract Builder setOutcomeNumbers(Map<String, BigDecimal> outcomeNumbers);

    abstract Map<String, ScoreComponent> scoreComponents();

    abstract Map<String, String> outcome();

    abstract Map<String, BigDecimal> outcomeNumbers();

    abstract Map<String, Long> redactions();

    abstract Sample autoBuild();

    /** Builds with the redaction counts, score components and outcome in sorted, unmodifiable maps. */
    public Sample build() {
      setRedactions(java.util.Collections.unmodifiableMap(new TreeMap<>(redactions())));
      setScoreComponents(java.util.Collections.unmodifiableMap(new TreeMap<>(scoreComponents())));
      setOutcome(java.util.Collections.unmodifiableMap(new TreeMap<>(outcome())));
      setOutcomeNumbers(java.util.Collections.unmodifiableMap(new TreeMap<>(outcomeNumbers())));
      return autoBuild();
    }
  }

  /** Explicit, deterministic encoding, field by field; redactions in key order. */
  public static final class SampleCoder extends AtomicCoder<Sample> {
    private static final SampleCoder INSTANCE = new SampleCoder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final VarLongCoder LONG = VarLongCoder.of();
    private static final ListCoder<ChatMessage> MESSAGES =
        ListCoder.of(ChatMessage.ChatMessageCoder.of());
    private static final ListCoder<String> STRINGS = ListCoder.of(STRING);
    private static final MapCoder<String, Long> COUNTS = MapCoder.of(STRING, LONG);
    private static final MapCoder<String, ScoreComponent> COMPONENTS =
        MapCoder.of(STRING, ScoreComponent.ScoreComponentCoder.of());
    private static final MapCoder<String, String> OUTCOME = MapCoder.of(STRING, STRING);
    private static final MapCoder<String, BigDecimal> NUMBERS = MapCoder.of(STRING, BigDecimalCoder.of());

    public static SampleCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(Sample s, OutputStream out) throws IOException {
      STRING.encode(s.sessionId(), out);
      STRING.encode(s.agentId(), out);
      STRING.encode(s.sourceFile(), out);
      RoleTag.RoleTagCoder.of().encode(s.role(), out);
      LONG.encode(s.sampleIndex(), out);
      LONG.encode(s.firstTimestampMillis(), out);
      MESSAGES.encode(s.messages(), out);
      LONG.encode(s.estTokens(), out);
      LONG.encode(s.costMicros(), out);
      COUNTS.encode(s.redactions(), out);
      STRINGS.encode(s.qualityFlags(), out);
      STRING.encode(s.contentSha256(), out);
      STRING.encode(s.split(), out);
      LONG.encode(s.repeatIndex(), out);
      COMPONENTS.encode(s.scoreComponents(), out);
      OUTCOME.encode(s.outcome(), out);
      NUMBERS.encode(s.outcomeNumbers(), out);
    }

    @Override
    public Sample decode(InputStream in) throws IOException {
      return builder()
          .setSessionId(STRING.decode(in))
          .setAgentId(STRING.decode(in))
          .setSourceFile(STRING.decode(in))
          .setRole(RoleTag.RoleTagCoder.of().decode(in))
          .setSampleIndex(LONG.decode(in))
          .setFirstTimestampMillis(LONG.decode(in))
          .setMessages(MESSAGES.decode(in))
          .setEstTokens(LONG.decode(in))
          .setCostMicros(LONG.decode(in))
          .setRedactions(COUNTS.decode(in))
          .setQualityFlags(STRINGS.decode(in))
          .setContentSha256(STRING.decode(in))
          .setSplit(STRING.decode(in))
          .setRepeatIndex(LONG.decode(in))
          .setScoreComponents(COMPONENTS.decode(in))
          .setOutcome(OUTCOME.decode(in))
          .setOutcomeNumbers(NUMBERS.decode(in))
          .build();
    }

    @Override
    public void verifyDeterministic() {}
  }
}
