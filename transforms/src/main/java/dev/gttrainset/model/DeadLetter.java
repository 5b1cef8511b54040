package dev.gttrainset.model;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.UnaryOperator;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * Input that could not be used, kept with where it came from so it can be found and replayed: a
 * line, or a file that could not be read to the end (then {@code line} is where reading stopped).
 */
@AutoValue
public abstract class DeadLetter {
  /** Longest excerpt written, in characters. */
  public static final int MAX_EXCERPT = 240;

  /**
   * How much of the offending input travels to the scrubber. More than is written, so a secret
   * that straddles the written excerpt's end is still whole when it is scrubbed.
   */
  static final int MAX_RAW = 4_096;

  /** Which input the line came from: {@code sessions}, {@code events}, {@code costs}, ... */
  public abstract String source();

  public abstract String file();

  public abstract long line();

  /** A short, stable reason id such as {@code invalid-json}. */
  public abstract String reason();

  /** Details for a person, e.g. the parser's message. */
  public abstract String detail();

  /** The start of the offending input: raw until {@link #scrubbed}, then bounded and scrubbed. */
  public abstract String excerpt();

  public static DeadLetter create(
      String source, String file, long line, String reason, String detail, String rawInput) {
    return new AutoValue_DeadLetter(source, file, line, reason, detail, bounded(rawInput, MAX_RAW));
  }

  /**
   * The dead letter as it may be written: file and detail passed through {@code scrub}, the
   * excerpt made readable ({@code readable}), scrubbed whole, and only then cut to {@link
   * #MAX_EXCERPT}.
   */
  public DeadLetter scrubbed(UnaryOperator<String> scrub, UnaryOperator<String> readable) {
    return new AutoValue_DeadLetter(
        source(),
        scrub.apply(file()),
        line(),
        reason(),
        scrub.apply(detail()),
        bounded(scrub.apply(readable.apply(excerpt())), MAX_EXCERPT));
  }

  private static String bounded(String raw, int limit) {
    if (raw.length() <= limit) {
      return raw;
    }
    int end = limit;
    if (Character.isHighSurrogate(raw.charAt(end - 1))) {
      end--;
    }
    return raw.substring(0, end) + "…";
  }

  /** Explicit, deterministic encoding, field by field. */
  public static final class DeadLetterCoder extends AtomicCoder<DeadLetter> {
    private static final DeadLetterCoder INSTANCE = new DeadLetterCoder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final VarLongCoder LONG = VarLongCoder.of();

    public static DeadLetterCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(DeadLetter d, OutputStream out) throws IOException {
      STRING.encode(d.source(), out);
      STRING.encode(d.file(), out);
      LONG.encode(d.line(), out);
      STRING.encode(d.reason(), out);
      STRING.encode(d.detail(), out);
      STRING.encode(d.excerpt(), out);
    }

    @Override
    public DeadLetter decode(InputStream in) throws IOException {
      return new AutoValue_DeadLetter(
          STRING.decode(in),
          STRING.decode(in),
          LONG.decode(in),
          STRING.decode(in),
          STRING.decode(in),
          STRING.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
