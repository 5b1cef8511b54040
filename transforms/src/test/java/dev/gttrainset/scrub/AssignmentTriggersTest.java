package dev.gttrainset.scrub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Where the assignment detector starts reading a name: its quick look against a plain scan. */
class AssignmentTriggersTest {
  /** The short triggers, which count only as a whole part of a name. */
  private static final List<String> WHOLE = List.of("pw", "pat", "psw");

  @Test
  void findsTheFirstTriggerAsAPlainScanDoes() {
    String[] pieces = {
      "pass", "PWD", "Secret", "tOkEn", "key", "auth", "cred", "contrase", "senha", "bearer", "jwt", "hmac", "dsn",
      "pw", "PW", "pat", "Pat", "psw", "p", "s", "t", "a", "c", "k", "e", "_", "=", " ", "x", "1", "\n",
      "\u017F", "\u212A", "\u0130", "é", "ß"
    };
    Random random = new Random(7);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(12); n > 0; n--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      int from = text.length() == 0 ? 0 : random.nextInt(text.length());
      assertEquals(plainly(text.toString(), from), Assignments.nextTrigger(text.toString(), from), "'" + text + "' from " + from);
    }
  }

  @Test
  void aLongSIsAnSAsTheComparisonIgnoresCase() {
    assertEquals(0, Assignments.nextTrigger("p\u017Fw", 0));
    assertEquals(-1, Assignments.nextTrigger("pastry", 0));
  }

  private static int plainly(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 128) {
        continue;
      }
      for (String trigger : Assignments.KEYWORDS) {
        if (Character.toLowerCase(c) != trigger.charAt(0) || !text.regionMatches(true, i, trigger, 0, trigger.length())) {
          continue;
        }
        int end = i + trigger.length();
        boolean whole =
            (i == 0 || !Character.isLetter(text.charAt(i - 1)) || Character.isUpperCase(c))
                && (end >= text.length() || !Character.isLowerCase(text.charAt(end)));
        if (!WHOLE.contains(trigger) || whole) {
          return i;
        }
      }
    }
    return -1;
  }
}
