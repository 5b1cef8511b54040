package dev.gttrainset.scrub;

/**
 * Who wrote a text, for what replaces a secret in it. The model learns to write what it sees in
 * its own turns, so there a secret becomes what a careful agent writes ({@code $GITHUB_TOKEN},
 * {@code /home/user/}); in what it reads (tool results, the user's words) a typed placeholder
 * says what secret was there ({@code [REDACTED:github-pat]}). Personal data (home folders, logins,
 * addresses) reads as it is written, so what the model reads and writes back still match.
 */
public enum Voice {
  /** Tool results, user messages, metadata, dead letters: typed placeholders. */
  READ,
  /** The assistant's text, thinking and tool-call arguments: references an agent would write. */
  WRITTEN
}
