package dev.gttrainset.sideinput;

import java.io.Serializable;
import java.util.function.Supplier;

/**
 * What a DoFn reads or builds from its side inputs, once per instance: in the global window of a
 * batch job a side input never changes, and reading it per element costs the DirectRunner a lookup
 * and a map each time.
 */
public final class ReadOnce<T> implements Serializable {
  private transient T value;

  /** The value, built by {@code read} the first time. */
  public T get(Supplier<T> read) {
    if (value == null) {
      value = read.get();
    }
    return value;
  }
}
