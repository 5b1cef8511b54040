package dev.gttrainset.scrub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.parse.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The provider families of the rule table, read from {@code rules.json} as data, with a way to
 * make a secret of each: a token from its {@code token} pattern, or a {@code body} beside one of
 * its {@code near} names. Secrets are drawn from a seeded {@link ShapeGenerator}; a draw that a
 * real random key would practically never be (no digit in a word-like body, a placeholder run) is
 * drawn again.
 */
public final class Families {
  /** One family: its rule id, its shape, the names it stands beside, its variable. */
  public static final class Family {
    public final String id;
    public final String shape;
    /** Empty for a token that stands alone. */
    public final List<String> names;
    public final String reference;

    Family(String id, String shape, List<String> names, String reference) {
      this.id = id;
      this.shape = shape;
      this.names = names;
      this.reference = reference;
    }

    public boolean isNear() {
      return !names.isEmpty();
    }

    /** The name a config would give this family's secret, in words: {@code etsy_token}. */
    public String variable(int n) {
      if (isNear()) {
        return names.get(n % names.size()).replace('.', '_').replace('-', '_') + "_token";
      }
      return reference.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
      return id;
    }
  }

  private Families() {}

  private static final List<Family> ALL = load();

  /** Every family with a token or near shape, in table order. */
  public static List<Family> all() {
    return ALL;
  }

  private static List<Family> load() {
    try (InputStream in = ScrubRules.class.getResourceAsStream(ScrubRules.RESOURCE)) {
      List<Family> families = new ArrayList<>();
      for (JsonNode rule : Json.MAPPER.readTree(in)) {
        String id = rule.get("id").asText();
        String reference = rule.path("reference").asText(id.toUpperCase(Locale.ROOT).replace('-', '_'));
        if (rule.has("token")) {
          families.add(new Family(id, rule.get("token").asText(), List.of(), reference));
        } else if (rule.has("near")) {
          List<String> names = new ArrayList<>();
          rule.get("near").forEach(n -> names.add(n.asText()));
          families.add(new Family(id, rule.get("body").asText(), List.copyOf(names), reference));
        }
      }
      return List.copyOf(families);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A secret of the family's shape. */
  public static String secret(Family family, ShapeGenerator shapes) {
    for (int attempt = 0; ; attempt++) {
      String secret = shapes.generate(family.shape);
      if (attempt >= 50 || realistic(family, secret)) {
        return secret;
      }
    }
  }

  /** What a random key is: not a stand-in, and not all words where digits could stand. */
  private static boolean realistic(Family family, String secret) {
    if (Benign.token(secret) || Benign.value(secret)) {
      return false;
    }
    boolean digitsAllowed = family.shape.contains("0-9") || family.shape.contains("\\d") || family.shape.contains("\\w");
    return !family.isNear() || !digitsAllowed || secret.chars().anyMatch(Character::isDigit);
  }
}
