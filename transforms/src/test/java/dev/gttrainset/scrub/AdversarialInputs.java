package dev.gttrainset.scrub;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lines built to make regexes backtrack: long runs of what the rules start on or repeat. A scrubber
 * with an unbounded or ambiguous quantifier takes minutes or worse on one of these.
 */
public final class AdversarialInputs {
  private AdversarialInputs() {}

  /** Name to text, each about {@code size} characters. */
  public static Map<String, String> of(int size) {
    Map<String, String> inputs = new LinkedHashMap<>();
    inputs.put("-----BEGIN runs", repeat("-----BEGIN ", size));
    inputs.put("PEM headers", repeat("-----BEGIN RSA PRIVATE KEY-----\n", size));
    inputs.put("PEM body without end", "-----BEGIN RSA PRIVATE KEY-----\n" + repeat("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=\n", size));
    inputs.put("= runs", repeat("=", size));
    inputs.put("base64", repeat("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVowMTIzNDU2Nzg5K/", size));
    inputs.put("nested quotes", repeat("\"\\\"'", size));
    inputs.put("assignments", repeat("api_key=api_key=", size));
    inputs.put("secret words", repeat("secret token password key ", size));
    inputs.put("bearer without end", "Authorization: Bearer " + repeat("abcdefghij", size));
    inputs.put("url credentials", repeat("postgres://a:b:c:d", size));
    inputs.put("emails", repeat("a.b@c.", size));
    inputs.put("dotted numbers", repeat("1.1.1.1.", size));
    inputs.put("colons", repeat("ab:", size));
    inputs.put("encoded homes", repeat("-home-a", size));
    inputs.put("key prefixes", repeat("sk-ant-ghp_AKIAxoxb-", size));
    return inputs;
  }

  private static String repeat(String unit, int size) {
    return unit.repeat(Math.max(1, size / unit.length()));
  }
}
