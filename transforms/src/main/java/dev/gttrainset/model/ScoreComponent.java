package dev.gttrainset.model;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/** One part of a sample's quality score: its value from 0 to 1, its weight, and where it came from. */
@AutoValue
public abstract class ScoreComponent {
  public abstract double value();

  public abstract double weight();

  /** The signal the value was read from, e.g. {@code events:merged} or {@code transcript:is_error}. */
  public abstract String signal();

  /** The weighted mean of the components, rounded to three places; 1 without any. */
  public static double weightedMean(Map<String, ScoreComponent> components) {
    double weights = 0;
    double sum = 0;
    for (ScoreComponent component : components.values()) {
      weights += component.weight();
      sum += component.weight() * component.value();
    }
    return weights == 0 ? 1.0 : Math.round(sum / weights * 1000) / 1000.0;
  }

  public static ScoreComponent create(double value, double weight, String signal) {
    return new AutoValue_ScoreComponent(value, weight, signal);
  }

  /** Explicit, deterministic encoding, field by field. */
  public static final class ScoreComponentCoder extends AtomicCoder<ScoreComponent> {
    private static final ScoreComponentCoder INSTANCE = new ScoreComponentCoder();
    private static final DoubleCoder DOUBLE = DoubleCoder.of();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();

    public static ScoreComponentCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(ScoreComponent value, OutputStream out) throws IOException {
      DOUBLE.encode(value.value(), out);
      DOUBLE.encode(value.weight(), out);
      STRING.encode(value.signal(), out);
    }

    @Override
    public ScoreComponent decode(InputStream in) throws IOException {
      return create(DOUBLE.decode(in), DOUBLE.decode(in), STRING.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
