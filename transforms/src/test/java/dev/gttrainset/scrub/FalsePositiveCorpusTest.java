package dev.gttrainset.scrub;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gttrainset.stats.Counters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Strings that look random but are not secrets, as agent sessions are full of them: they must come
 * out of the scrubber unchanged, at least 99 in 100.
 */
class FalsePositiveCorpusTest {
  private static final int PER_KIND = 300;
  private static final double MAX_RATE = 0.01;

  private final FakeSecrets random = new FakeSecrets(7);
  private final Scrubber scrubber = Scrubber.withDefaultRules();

  private Map<String, Supplier<String>> kinds() {
    Map<String, Supplier<String>> kinds = new LinkedHashMap<>();
    kinds.put("git sha", () -> "commit " + random.hex(40) + " (HEAD -> main) " + random.hex(7));
    kinds.put("uuid", () -> "session " + UUID.nameUUIDFromBytes(random.alnum(12).getBytes()) + " started");
    kinds.put(
        "claude ids",
        () -> "toolu_01" + random.alnum(24) + " msg_01" + random.alnum(24) + " req_011" + random.alnum(21));
    kinds.put("bead ids", () -> "bd show gt-" + random.pick(5, "abcdefghijklmnopqrstuvwxyz0123456789") + " and hq-cv-" + random.digits(3));
    kinds.put("base64 image", () -> "data:image/png;base64,iVBORw0KGgo" + random.base64(3000) + "==");
    kinds.put("minified code", this::minified);
    kinds.put(
        "lockfile hashes",
        () ->
            "\"integrity\": \"sha512-" + random.base64(86) + "==\", \"resolved\": \"https://registry.npmjs.org/x/-/x-1.2."
                + random.digits(1) + ".tgz#" + random.hex(40) + "\"\nchecksum = \"" + random.hex(64)
                + "\"\ngolang.org/x/net v0.17.0 h1:" + random.base64(43) + "=");
    kinds.put("token counts", () -> "\"usage\": {\"input_tokens\": " + random.digits(4) + ", \"output_tokens\": " + random.digits(3) + "}");
    kinds.put("paths and urls", () -> "/usr/local/lib/node_modules/" + random.alnum(8) + "/dist/index.js https://github.com/acme/" + random.alnum(6) + "/blob/" + random.hex(40) + "/README.md");
    return kinds;
  }

  private String minified() {
    String a = random.letters(1);
    String b = random.letters(1);
    return "!function(" + a + "," + b + "){\"object\"==typeof exports?module.exports=" + b + "():" + a + "."
        + random.letters(6) + "=" + b + "()}(this,function(){var " + a + "=\"" + random.alnum(20)
        + "\",t=function(" + b + "){return " + b + ".token&&" + b + ".token.length>0};return{key:"
        + a + ",check:t}});";
  }

  @Test
  void harmlessLookalikesPassUnchanged() {
    Map<String, Integer> changedByKind = new LinkedHashMap<>();
    List<String> examples = new ArrayList<>();
    int total = 0;
    int changed = 0;
    for (Map.Entry<String, Supplier<String>> kind : kinds().entrySet()) {
      int kindChanged = 0;
      for (int i = 0; i < PER_KIND; i++) {
        String text = kind.getValue().get();
        Counters redactions = new Counters();
        if (!scrubber.scrub(text, redactions).equals(text)) {
          kindChanged++;
          if (examples.size() < 5) {
            examples.add(kind.getKey() + " " + redactions.asMap());
          }
        }
        total++;
      }
      changedByKind.put(kind.getKey(), kindChanged);
      changed += kindChanged;
    }
    double rate = changed / (double) total;
    System.out.printf("false-positive rate %.3f%% (%d of %d); by kind %s%n", rate * 100, changed, total, changedByKind);
    assertTrue(rate <= MAX_RATE, "false-positive rate " + rate + " by kind " + changedByKind + " e.g. " + examples);
  }
}
