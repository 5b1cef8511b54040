package dev.gttrainset.scrub;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.gttrainset.stats.Counters;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A 5 MB hostile line must not hang the job: every quantifier in the rule table is bounded and
 * possessive where it can be. The limit is a guard against runaway backtracking (minutes or
 * hours), far above the time a line takes; the benchmark reports the real times.
 */
class AdversarialScrubTest {
  private static final int FIVE_MB = 5 * 1024 * 1024;

  @Test
  void fiveMegabyteHostileLinesFinishInBoundedTime() {
    Scrubber scrubber = Scrubber.withDefaultRules();
    for (Map.Entry<String, String> input : AdversarialInputs.of(FIVE_MB).entrySet()) {
      assertTimeoutPreemptively(
          Duration.ofSeconds(60), () -> scrubber.scrub(input.getValue(), new Counters()), input.getKey());
    }
  }
}
