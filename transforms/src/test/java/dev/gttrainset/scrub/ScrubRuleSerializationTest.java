package dev.gttrainset.scrub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gttrainset.stats.Counters;
import java.util.Map;
import org.apache.beam.sdk.util.SerializableUtils;
import org.junit.jupiter.api.Test;

/** Runners copy a scrubbing step for every bundle: the default table travels as places in it. */
class ScrubRuleSerializationTest {
  @Test
  void defaultRulesTravelAsTheirPlacesAndComeBackAsTheTablesOwn() {
    Scrubber copy = SerializableUtils.clone(Scrubber.withDefaultRules());
    assertEquals(ScrubRules.DEFAULT.size(), copy.rules().size());
    for (int i = 0; i < copy.rules().size(); i++) {
      assertSame(ScrubRules.DEFAULT.get(i), copy.rules().get(i), "rule " + i);
    }
    int bytes = SerializableUtils.serializeToByteArray(Scrubber.withDefaultRules()).length;
    assertTrue(bytes < 20 * ScrubRules.DEFAULT.size() + 1_000, bytes + " bytes for " + ScrubRules.DEFAULT.size() + " rules");
  }

  @Test
  void aRuleMadeElsewhereTravelsWholeAndStillScrubs() {
    Scrubber withPeople = Scrubber.withDefaultRules().withPeople(Map.of("zorblaxia", People.LOGIN));
    Scrubber copy = SerializableUtils.clone(withPeople);
    ScrubRule own = withPeople.rules().get(0);
    assertEquals(-1, ScrubRules.placeInDefault(own));
    assertNotSame(own, copy.rules().get(0));
    assertEquals(own.id(), copy.rules().get(0).id());
    String text = "cd /home/zorblaxia/src";
    assertEquals(withPeople.scrub(text, new Counters()), copy.scrub(text, new Counters()));
    assertFalse(copy.scrub(text, new Counters()).contains("zorblaxia"));
  }
}
