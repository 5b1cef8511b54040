package dev.gttrainset.scrub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.parse.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The scrub rule table. The rules are data, in {@code rules.json} beside this class: private keys
 * first, then the providers' tokens, then credentials known by their context (URLs, headers,
 * assignments), then personal data. Order matters where findings overlap: the earlier rule wins.
 *
 * <p>A rule is one of: {@code token}, a pattern that is a secret wherever it stands (word
 * boundaries are added); {@code near} with {@code body}, a token that is a secret within 40
 * characters after one of the provider's names; {@code pattern}, a full pattern whose {@code group}
 * is the secret; or {@code detector}, code ({@link Assignments}).
 */
public final class ScrubRules {
  static final String RESOURCE = "rules.json";

  /** How far after a provider's name its token may stand, newlines included (as TruffleHog reads). */
  private static final int NEAR = 40;

  private static final Pattern CHARACTER_CLASS = Pattern.compile("\\[(\\^?)((?:\\\\.|[^\\]\\\\])+)\\]|\\\\w");

  /** Read last, after the constants it needs. */
  public static final List<ScrubRule> DEFAULT = load();

  private static final Map<ScrubRule, Integer> PLACES = places(DEFAULT);

  private ScrubRules() {}

  /** Where this very rule stands in the default table, or -1 for a rule made elsewhere. */
  static int placeInDefault(ScrubRule rule) {
    Integer place = PLACES.get(rule);
    return place == null ? -1 : place;
  }

  private static Map<ScrubRule, Integer> places(List<ScrubRule> rules) {
    Map<ScrubRule, Integer> places = new IdentityHashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      places.put(rules.get(i), i);
    }
    return places;
  }

  /** The ids of the default rules, in table order, each once. */
  public static List<String> ids() {
    return DEFAULT.stream().map(ScrubRule::id).distinct().collect(Collectors.toList());
  }

  /** The default rules without the named ones: for proving that the leak gate catches them. */
  public static List<ScrubRule> without(Set<String> ids) {
    return DEFAULT.stream().filter(r -> !ids.contains(r.id())).collect(Collectors.toList());
  }

  private static List<ScrubRule> load() {
    try (InputStream in = ScrubRules.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the scrub rule table " + RESOURCE + " is missing");
      }
      List<ScrubRule> rules = new ArrayList<>();
      for (JsonNode rule : Json.MAPPER.readTree(in)) {
        try {
          rules.add(parse(rule));
        } catch (RuntimeException e) {
          throw new IllegalStateException("scrub rule " + rule.path("id").asText() + ": " + e.getMessage(), e);
        }
      }
      return List.copyOf(rules);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the scrub rule table " + RESOURCE, e);
    }
  }

  static ScrubRule parse(JsonNode rule) {
    String id = rule.get("id").asText();
    if (rule.has("detector")) {
      if (!rule.get("detector").asText().equals("assignments")) {
        throw new IllegalArgumentException("no detector named " + rule.get("detector").asText());
      }
      return ScrubRule.assignments(id, Assignments.KEYWORDS);
    }
    boolean ignoreCase = rule.path("ignoreCase").asBoolean(false);
    String regex;
    int group;
    String[] keywords = strings(rule.path("keywords"));
    if (rule.has("token")) {
      String token = rule.get("token").asText();
      regex = (ignoreCase ? "(?i)" : "") + "(?:" + token + ")(?![" + boundary(token) + "])";
      group = 0;
    } else if (rule.has("near")) {
      String[] names = strings(rule.get("near"));
      String body = rule.get("body").asText();
      String bound = boundary(body);
      // An = before the token is an assignment's, whatever the token may contain.
      String left = bound.replace("\\=", "");
      String alternatives =
          List.of(names).stream().map(Pattern::quote).collect(Collectors.joining("|"));
      regex =
          "((?i:" + alternatives + "))[\\s\\S]{0," + NEAR + "}?(?<![" + left + "])(" + (ignoreCase ? "(?i:" + body + ")" : body)
              + ")(?![" + bound + "])";
      group = 2;
      if (keywords.length == 0) {
        keywords = names;
      }
    } else {
      regex = rule.get("pattern").asText();
      group = rule.path("group").asInt(0);
    }
    ScrubRule.Builder builder =
        ScrubRule.builder(id, regex)
            .secretGroup(group)
            .keywords(lower(keywords))
            .allow(strings(rule.path("allow")))
            .minEntropy(rule.path("minEntropy").asDouble(0));
    if (rule.has("nameMustMatch")) {
      builder.nameMustMatch(rule.get("nameMustMatch").asText());
    }
    if (rule.has("mustMatch")) {
      builder.secretMustMatch(rule.get("mustMatch").asText());
    }
    if (rule.has("validator")) {
      builder.validator(ScrubValidator.named(rule.get("validator").asText()));
    }
    if (rule.has("replacement")) {
      builder.replacement(rule.get("replacement").asText());
    }
    if (rule.has("written")) {
      builder.written(rule.get("written").asText());
    }
    if (rule.has("reference")) {
      builder.reference(rule.get("reference").asText());
    }
    if (rule.path("kind").asText("secret").equals("personal")) {
      builder.kind(ScrubRule.Kind.PERSONAL);
    }
    if (rule.has("near")) {
      builder.near();
    }
    if (rule.has("token")) {
      builder.startsWord("_.");
    } else if (rule.path("wordStart").asBoolean(false)) {
      builder.startsWord("_");
    }
    if (rule.has("notAfter")) {
      builder.notAfter(rule.get("notAfter").asText());
    }
    if (rule.has("pattern")) {
      builder.contextual();
    }
    return builder.build();
  }

  /**
   * The characters a token may not touch on its right: letters, digits and the underscore, and
   * whatever else its own character classes allow, so that a match never ends inside a longer run.
   */
  static String boundary(String tokenPattern) {
    Set<Character> extra = new LinkedHashSet<>();
    Matcher classes = CHARACTER_CLASS.matcher(tokenPattern);
    while (classes.find()) {
      if (classes.group(2) == null || !classes.group(1).isEmpty()) {
        continue;
      }
      String members = classes.group(2);
      for (char c : new char[] {'-', '+', '/', '=', '.', '~'}) {
        if (members.indexOf(c) >= 0) {
          extra.add(c);
        }
      }
    }
    StringBuilder bound = new StringBuilder("A-Za-z0-9_");
    for (char c : extra) {
      bound.append('\\').append(c);
    }
    return bound.toString();
  }

  private static String[] lower(String[] words) {
    String[] out = new String[words.length];
    for (int i = 0; i < words.length; i++) {
      out[i] = words[i].toLowerCase(Locale.ROOT);
    }
    return out;
  }

  private static String[] strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values.toArray(new String[0]);
  }
}
