package dev.gttrainset.model;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/**
 * One line bound for an output file. The sort key fixes the line's place in its file, so a file's
 * bytes never depend on the order in which a runner delivers elements.
 */
@AutoValue
public abstract class OutputLine {
  /** The file's name without extension, e.g. {@code mayor_train} or {@code dead_letters}. */
  public abstract String file();

  public abstract String sortKey();

  public abstract String json();

  public static OutputLine create(String file, String sortKey, String json) {
    return new AutoValue_OutputLine(file, sortKey, json);
  }

  /** Explicit, deterministic encoding: three strings. */
  public static final class OutputLineCoder extends AtomicCoder<OutputLine> {
    private static final OutputLineCoder INSTANCE = new OutputLineCoder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();

    public static OutputLineCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(OutputLine value, OutputStream out) throws IOException {
      STRING.encode(value.file(), out);
      STRING.encode(value.sortKey(), out);
      STRING.encode(value.json(), out);
    }

    @Override
    public OutputLine decode(InputStream in) throws IOException {
      return create(STRING.decode(in), STRING.decode(in), STRING.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
