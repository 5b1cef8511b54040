package dev.gttrainset.scrub;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The secrets found in one sample so far. A value found once is the same secret wherever else it
 * stands, also where nothing around it says so: a token pasted by the user and then passed bare
 * to a command, or written twice on one line ({@code 'x' | 'x'}).
 */
public final class KnownSecrets {
  /** Shorter values are too likely to occur by chance in other words. */
  static final int MIN_LENGTH = 8;

  private final Map<String, Finding> byValue = new LinkedHashMap<>();

  void learn(String text, List<Finding> findings) {
    for (Finding f : findings) {
      if (f.rule.kind() == ScrubRule.Kind.SECRET && f.end - f.start >= MIN_LENGTH) {
        byValue.putIfAbsent(text.substring(f.start, f.end), f);
      }
    }
  }

  boolean isEmpty() {
    return byValue.isEmpty();
  }

  /** Where the known secrets stand in the text, as findings of the rules that first found them. */
  List<Finding> find(String text) {
    List<Finding> found = new ArrayList<>();
    for (Map.Entry<String, Finding> known : byValue.entrySet()) {
      String value = known.getKey();
      Finding first = known.getValue();
      for (int at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + value.length())) {
        found.add(new Finding(at, at + value.length(), first.rule, first.reference));
      }
    }
    return found;
  }
}
