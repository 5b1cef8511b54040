package dev.gttrainset.pipeline;

/** Bad options or unusable input: running again unchanged cannot help (exit code 2). */
public final class UsageException extends Exception {
  public UsageException(String message) {
    super(message);
  }
}
