package dev.gttrainset.scrub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.parse.Json;
import dev.gttrainset.parse.TranscriptPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The scrub rule table. The rules are data, in {@code rules.json} beside this class: secrets
 * first, each family with its own id and placeholder, then personal data. Order matters where rules
 * overlap: a private key block goes before anything that could match inside it.
 */
public final class ScrubRules {
  static final String RESOURCE = "rules.json";

  public static final List<ScrubRule> DEFAULT = load();

  private static final String USER = "<user>";

  /** A project folder's name, not inside a longer word: -home- or -Users-. */
  private static final String ENCODED_HOME = "(?<![A-Za-z0-9_.\\-])-(?:home|Users)-";

  private ScrubRules() {}

  /** The ids of the default rules, in table order, each once. */
  public static List<String> ids() {
    return DEFAULT.stream().map(ScrubRule::id).distinct().collect(Collectors.toList());
  }

  /** The default rules without the named ones: for proving that the leak gate catches them. */
  public static List<ScrubRule> without(Set<String> ids) {
    return DEFAULT.stream().filter(r -> !ids.contains(r.id())).collect(Collectors.toList());
  }

  /**
   * A rule for the home folder names seen in the sessions' working directories, in the encoded
   * form of project folders, where {@code john.doe} became {@code john-doe} and the generic rule
   * would stop at {@code john}.
   */
  static ScrubRule homeUsers(Collection<String> names) {
    String alternatives =
        names.stream()
            .map(TranscriptPath::encode)
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
            .map(Pattern::quote)
            .collect(Collectors.joining("|"));
    return ScrubRule.builder("home-dir", ENCODED_HOME + "(" + alternatives + ")(?=-)")
        .secretGroup(1)
        .keywords("-home-", "-users-")
        .replacement(USER)
        .build();
  }

  private static List<ScrubRule> load() {
    try (InputStream in = ScrubRules.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the scrub rule table " + RESOURCE + " is missing");
      }
      List<ScrubRule> rules = new ArrayList<>();
      for (JsonNode rule : Json.MAPPER.readTree(in)) {
        rules.add(parse(rule));
      }
      return List.copyOf(rules);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the scrub rule table " + RESOURCE, e);
    }
  }

  private static ScrubRule parse(JsonNode rule) {
    ScrubRule.Builder builder =
        ScrubRule.builder(rule.get("id").asText(), rule.get("pattern").asText())
            .secretGroup(rule.path("group").asInt(0))
            .keywords(strings(rule.path("keywords")))
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
    return builder.build();
  }

  private static String[] strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values.toArray(new String[0]);
  }
}
