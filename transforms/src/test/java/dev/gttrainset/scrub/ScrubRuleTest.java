package dev.gttrainset.scrub;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ScrubRuleTest {
  /** The leak gate tries a value behind its name only at the starts in the name (LeakScanner). */
  @Test
  void patternsThatCouldMatchDifferentlyBehindANameAreRefused() {
    for (String regex : new String[] {"(?<=key=)\\w+", "\\Gabc", "(?m)^token=\\w+"}) {
      assertThrows(IllegalArgumentException.class, () -> ScrubRule.builder("odd", regex).build(), regex);
    }
  }
}
