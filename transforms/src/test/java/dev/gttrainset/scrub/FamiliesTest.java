package dev.gttrainset.scrub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gttrainset.stats.Counters;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Per provider family, gitleaks style: a secret of its shape is found by its own rule, and is
 * gone from every place in several syntaxes; a stand-in of its shape, or its token glued to a
 * longer word, is left alone. The secrets are drawn at test time from the rule table's shapes.
 */
class FamiliesTest {
  private static final Scrubber SCRUBBER = Scrubber.withDefaultRules();
  private static final SampleScrubber SAMPLES = new SampleScrubber(SCRUBBER);

  static Stream<Families.Family> families() {
    return Families.all().stream();
  }

  private static ScrubRule ruleOf(Families.Family family) {
    return ScrubRules.DEFAULT.stream().filter(r -> r.id().equals(family.id)).findFirst().orElseThrow();
  }

  /** Where a family's secret stands with nothing but its provider's name to say what it is. */
  private static String inProse(Families.Family family, String secret, int n) {
    if (family.isNear()) {
      return "the " + family.names.get(n % family.names.size()) + " one is '" + secret + "' for now";
    }
    return "found " + secret + " in the logs";
  }

  @Test
  void theTableKnowsTwoHundredFamilies() {
    assertTrue(Families.all().size() >= 200, "families: " + Families.all().size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("families")
  void itsOwnRuleFindsItsSecret(Families.Family family) {
    ShapeGenerator shapes = new ShapeGenerator(family.id.hashCode());
    Scrubber alone = new Scrubber(List.of(ruleOf(family)));
    for (int n = 0; n < 3; n++) {
      String secret = Families.secret(family, shapes);
      String text = inProse(family, secret, n);
      Counters redactions = new Counters();
      String scrubbed = alone.scrub(text, redactions);
      assertFalse(scrubbed.contains(secret), () -> family + " left its secret in " + scrubbed);
      assertEquals(1L, redactions.get(family.id), () -> family + " on " + text + ": " + redactions.asMap());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("families")
  void itsSecretIsGoneFromEveryPlaceInEverySyntax(Families.Family family) {
    ShapeGenerator shapes = new ShapeGenerator(family.id.hashCode() + 1);
    int index = Families.all().indexOf(family);
    List<String> leaks = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      Syntaxes.Syntax syntax = Syntaxes.ALL.get((index * 4 + k) % Syntaxes.ALL.size());
      String secret = Families.secret(family, shapes);
      String text = syntax.write(family.variable(k), secret);
      List<String> out = Places.scrubbed(SAMPLES, text);
      for (int place = 0; place < out.size(); place++) {
        if (out.get(place).contains(secret)) {
          leaks.add(syntax + " in the " + Places.NAMES.get(place) + ": " + out.get(place));
        }
      }
    }
    assertEquals(List.of(), leaks);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("families")
  void aStandInOfItsShapeIsLeftAlone(Families.Family family) {
    ShapeGenerator shapes = new ShapeGenerator(family.id.hashCode() + 2);
    String secret = Families.secret(family, shapes);
    Scrubber alone = new Scrubber(List.of(ruleOf(family)));
    if (family.isNear()) {
      // Its token with no provider's name beside it: just a string to this rule.
      Counters redactions = new Counters();
      alone.scrub("checksum " + secret + " matched", redactions);
      assertEquals(0L, redactions.get(family.id), () -> family + " matched with no name beside: " + secret);
      return;
    }
    String filled = fill(secret);
    String text = "the docs show " + filled + " as an example";
    assertEquals(text, SCRUBBER.scrub(text, new Counters()), family.id);
    if (Character.isLetterOrDigit(family.shape.charAt(0))) {
      String glued = "zq" + secret;
      Counters redactions = new Counters();
      alone.scrub(glued, redactions);
      assertEquals(0L, redactions.get(family.id), () -> family + " matched inside a longer word: " + glued);
    }
  }

  /** The token with its random part, after the first four characters, written as x's. */
  private static String fill(String secret) {
    StringBuilder out = new StringBuilder(secret.substring(0, Math.min(4, secret.length())));
    for (int i = out.length(); i < secret.length(); i++) {
      char c = secret.charAt(i);
      out.append(Character.isLetterOrDigit(c) ? 'x' : c);
    }
    return out.toString();
  }
}
