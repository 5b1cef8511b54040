package dev.gttrainset.sample;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Assigns a whole session to train or validation by a hash of its id, so no session (nor any of
 * its subagents) is in both, and the assignment is the same on every run and runner.
 */
public final class TrainValSplit implements Serializable {
  public static final String TRAIN = "train";
  public static final String VAL = "val";

  private final double valFraction;

  public TrainValSplit(double valFraction) {
    if (valFraction < 0 || valFraction > 1) {
      throw new IllegalArgumentException("valFraction must be within [0, 1]: " + valFraction);
    }
    this.valFraction = valFraction;
  }

  public String of(String sessionId) {
    return position(sessionId) < valFraction ? VAL : TRAIN;
  }

  /** Where the session falls in [0, 1): the first 53 bits of SHA-256 of its id. */
  static double position(String sessionId) {
    byte[] hash = ContentHash.sha256().digest(sessionId.getBytes(StandardCharsets.UTF_8));
    long bits = ByteBuffer.wrap(hash).getLong() >>> 11;
    return bits / (double) (1L << 53);
  }
}
