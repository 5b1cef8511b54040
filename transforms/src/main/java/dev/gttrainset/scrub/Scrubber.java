package dev.gttrainset.scrub;

import dev.gttrainset.parse.TranscriptPath;
import dev.gttrainset.stats.Counters;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Applies a rule table to text: every rule reads the text as {@link DecodedText} shows it, the
 * findings are resolved so that none overlap (the earlier rule in the table wins; a longer secret
 * swallows a shorter one), and each is replaced once in the original, as the {@link Voice} asks.
 */
public final class Scrubber implements Serializable {
  private final List<ScrubRule> rules;
  /** Built where the scrubber runs: copies that never run (runners make many) need no index. */
  private transient KeywordIndex keywords;

  private transient Assignments assignments;

  public Scrubber(List<ScrubRule> rules) {
    this.rules = List.copyOf(rules);
    this.keywords = new KeywordIndex(this.rules);
  }

  public static Scrubber withDefaultRules() {
    return new Scrubber(ScrubRules.DEFAULT);
  }

  public List<ScrubRule> rules() {
    return rules;
  }

  /**
   * These rules, plus the people of the sessions: their logins (also in the encoded form of
   * project folders, which the generic home-folder rule cannot delimit) and full names, as words.
   *
   * @param people word to {@link People#LOGIN} or {@link People#FULL_NAME}
   */
  public Scrubber withPeople(Map<String, String> people) {
    List<String> logins = new ArrayList<>();
    List<String> names = new ArrayList<>();
    people.forEach((word, kind) -> (People.LOGIN.equals(kind) ? logins : names).add(word));
    List<ScrubRule> all = new ArrayList<>();
    if (!logins.isEmpty()) {
      all.add(encodedHomes(logins));
    }
    all.addAll(rules);
    List<String> personal = logins.stream().filter(People::isPersonalLogin).collect(Collectors.toList());
    if (!personal.isEmpty()) {
      all.add(words(People.LOGIN, personal, false, "<user>", "user"));
    }
    if (!names.isEmpty()) {
      all.add(words(People.FULL_NAME, names, true, "<name>", "<name>"));
    }
    return all.size() == rules.size() ? this : new Scrubber(all);
  }

  /** A project folder's name, not inside a longer word: -home- or -Users-. */
  private static final String ENCODED_HOME = "(?<![A-Za-z0-9_.\\-])-(?:home|Users)-";

  /** Claude Code encodes /home/john.doe/gt as -home-john-doe-gt: only the real name delimits it. */
  private static ScrubRule encodedHomes(Collection<String> logins) {
    return ScrubRule.builder("home-dir", ENCODED_HOME + "(" + alternatives(logins, w -> Pattern.quote(TranscriptPath.encode(w))) + ")(?=-)")
        .secretGroup(1)
        .keywords("-home-", "-users-")
        .replacement("<user>")
        .written("user")
        .kind(ScrubRule.Kind.PERSONAL)
        .build();
  }

  /** Words as words: not inside a longer word; logins also capitalised, names in any case and spacing. */
  private static ScrubRule words(String id, Collection<String> words, boolean names, String read, String written) {
    TreeSet<String> forms = new TreeSet<>();
    for (String word : words) {
      forms.add(word);
      if (!names && Character.isLowerCase(word.charAt(0))) {
        forms.add(Character.toUpperCase(word.charAt(0)) + word.substring(1));
      }
    }
    String body = alternatives(forms, w -> names ? Pattern.quote(w).replace(" ", "\\E\\s{1,3}\\Q") : Pattern.quote(w));
    String regex = (names ? "(?iu)" : "") + "(?<![\\p{L}\\p{N}])(?:" + body + ")(?![\\p{L}\\p{N}])";
    List<String> keys = new ArrayList<>();
    boolean ascii = true;
    for (String word : forms) {
      String first = word.split(" ")[0].toLowerCase(Locale.ROOT);
      ascii &= first.chars().allMatch(c -> c < 128);
      keys.add(first);
    }
    return ScrubRule.builder(id, regex)
        .keywords(ascii ? keys.stream().distinct().toArray(String[]::new) : new String[0])
        .replacement(read)
        .written(written)
        .kind(ScrubRule.Kind.PERSONAL)
        .build();
  }

  /** The words as alternatives of a pattern, each as {@code quoted} writes it, longest first. */
  private static String alternatives(Collection<String> words, Function<String, String> quoted) {
    return words.stream()
        .distinct()
        .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
        .map(quoted)
        .collect(Collectors.joining("|"));
  }

  /** The text, every secret replaced with the typed placeholder; {@code redactions} counts each. */
  public String scrub(String text, Counters redactions) {
    return scrub(text, Voice.READ, redactions);
  }

  /** The text, every secret replaced as the voice asks; {@code redactions} counts each by rule. */
  public String scrub(String text, Voice voice, Counters redactions) {
    return scrub(text, voice, redactions, new KnownSecrets());
  }

  /**
   * As {@link #scrub(String, Voice, Counters)}; the secrets found are added to {@code known}, and
   * every secret already in it is replaced wherever it stands.
   */
  public String scrub(String text, Voice voice, Counters redactions, KnownSecrets known) {
    if (text.isEmpty()) {
      return text;
    }
    DecodedText decoded = DecodedText.of(text);
    List<Finding> findings = find(decoded);
    if (!findings.isEmpty()) {
      known.learn(decoded.text(), findings);
    }
    if (!known.isEmpty()) {
      List<Finding> all = new ArrayList<>(findings);
      all.addAll(known.find(decoded.text()));
      findings = resolve(all);
    }
    return replace(text, decoded, findings, voice, redactions);
  }

  /** Only the secrets already known: for the texts of a sample scrubbed before a secret was found. */
  public String scrubKnown(String text, Voice voice, Counters redactions, KnownSecrets known) {
    if (text.isEmpty() || known.isEmpty()) {
      return text;
    }
    DecodedText decoded = DecodedText.of(text);
    return replace(text, decoded, resolve(known.find(decoded.text())), voice, redactions);
  }

  /**
   * Personal data reads as the model writes it ({@code /home/user/}, {@code user}): an edit's
   * {@code old_string} must match the file it read, a {@code cd} the path {@code ls} showed.
   */
  private static boolean writes(ScrubRule rule, Voice voice) {
    return voice == Voice.WRITTEN || rule.kind() == ScrubRule.Kind.PERSONAL;
  }

  private static String replace(String text, DecodedText decoded, List<Finding> findings, Voice voice, Counters redactions) {
    if (findings.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    for (Finding f : findings) {
      int start = decoded.originOf(f.start);
      int end = decoded.originOf(f.end);
      out.append(text, copied, start);
      out.append(writes(f.rule, voice) ? f.rule.writtenPlaceholder(f.reference) : f.rule.readPlaceholder());
      copied = end;
      redactions.increment(f.rule.id());
    }
    return out.append(text, copied, text.length()).toString();
  }

  /**
   * Every secret and piece of personal data in the text, in text order, none overlapping: what
   * {@link #scrub} replaces, and what the leak gate looks for in written output.
   */
  public List<Finding> find(DecodedText decoded) {
    String text = decoded.text();
    if (keywords == null) {
      keywords = new KeywordIndex(rules);
    }
    BitSet candidates = keywords.candidates(text);
    List<Finding> found = new ArrayList<>();
    for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
      ScrubRule rule = rules.get(i);
      int before = found.size();
      if (rule.isAssignments()) {
        if (assignments == null) {
          assignments = new Assignments(rule);
        }
        assignments.find(text, found);
      } else {
        apply(rule, text, found);
      }
      if (rule.kind() == ScrubRule.Kind.SECRET && found.size() > before) {
        dropAllowedLines(text, found, before);
      }
    }
    dropInsidePlaceholders(text, found);
    return resolve(found);
  }

  /** This job's own placeholders: a secret was here and is gone. */
  private static final Pattern OWN_PLACEHOLDER = Pattern.compile("\\[REDACTED:[a-z0-9\\-]{1,60}\\]");

  /**
   * Nothing is found in, or because of, a placeholder this job wrote: "[REDACTED:url-credentials]"
   * holds a secret word, but what follows it is not a secret for that.
   */
  private static void dropInsidePlaceholders(String text, List<Finding> found) {
    if (found.isEmpty() || text.indexOf("[REDACTED:") < 0) {
      return;
    }
    Matcher placeholder = OWN_PLACEHOLDER.matcher(text);
    while (placeholder.find()) {
      int start = placeholder.start();
      int end = placeholder.end();
      found.removeIf(f -> (f.evidence >= start && f.evidence < end) || (f.start < end && f.end > start));
    }
  }

  private static void apply(ScrubRule rule, String text, List<Finding> found) {
    Matcher matcher = rule.pattern().matcher(text);
    int from = 0;
    int group = rule.secretGroup();
    while (from <= text.length() && matcher.find(from)) {
      String secret = matcher.group(group);
      if (secret == null || secret.isEmpty() || !rule.mayStartAt(text, matcher.start()) || !rule.accepts(secret, matcher.group())
          || (rule.isNear() && !standsAlone(text, matcher.start(1), matcher.end(1)))) {
        // A match that is not a secret must not hide one that starts inside it.
        from = matcher.start() + 1;
        continue;
      }
      found.add(new Finding(matcher.start(group), matcher.end(group), rule, rule.reference(), matcher.start()));
      from = Math.max(matcher.end(), matcher.start() + 1);
    }
  }

  /**
   * Whether a provider's name found in the text is the name, not letters inside another word:
   * {@code ETSY_TOKEN}, {@code etsyKey} and {@code MessageBird} are; {@code SetSysctl}, {@code
   * sumObj}, {@code CameraKit} and {@code betsy} are not.
   */
  private static boolean standsAlone(String text, int start, int end) {
    String name = text.substring(start, end);
    if (Character.isLowerCase(name.charAt(0)) && !name.chars().noneMatch(Character::isUpperCase)) {
      // A hump inside: the name's letters are the tail of one word and the head of the next.
      return false;
    }
    // Not the tail of a longer word: a lower-case letter before a lower-case name continues it.
    return start == 0 || !(Character.isLowerCase(text.charAt(start - 1)) && Character.isLowerCase(name.charAt(0)));
  }

  /** Secrets on a line its author marked as holding none ({@code # pragma: allowlist secret}) stay. */
  private static void dropAllowedLines(String text, List<Finding> found, int from) {
    for (int i = found.size() - 1; i >= from; i--) {
      int at = found.get(i).start;
      int lineStart = text.lastIndexOf('\n', at) + 1;
      int lineEnd = text.indexOf('\n', at);
      if (Benign.lineAllowed(text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd))) {
        found.remove(i);
      }
    }
  }

  /**
   * Keeps findings in table order: one that overlaps a kept secret widens it when it reaches
   * further (a secret is never left half shown), personal data that overlaps is dropped.
   */
  private static List<Finding> resolve(List<Finding> found) {
    if (found.size() <= 1) {
      return found;
    }
    List<Finding> kept = new ArrayList<>();
    for (Finding f : found) {
      if (f.end <= f.start) {
        continue;
      }
      int overlap = -1;
      for (int k = 0; k < kept.size(); k++) {
        if (kept.get(k).overlaps(f)) {
          overlap = k;
          break;
        }
      }
      if (overlap < 0) {
        kept.add(f);
        continue;
      }
      Finding held = kept.get(overlap);
      boolean secrets = held.rule.kind() == ScrubRule.Kind.SECRET && f.rule.kind() == ScrubRule.Kind.SECRET;
      if (secrets && (f.start < held.start || f.end > held.end)) {
        kept.set(overlap, new Finding(Math.min(held.start, f.start), Math.max(held.end, f.end), held.rule, held.reference));
      }
    }
    // Widening can make two kept findings meet: merge until none overlap.
    kept.sort(Comparator.comparingInt((Finding f) -> f.start).thenComparingInt(f -> -f.end));
    List<Finding> merged = new ArrayList<>();
    for (Finding f : kept) {
      Finding last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && last.overlaps(f)) {
        if (f.end > last.end) {
          merged.set(merged.size() - 1, new Finding(last.start, f.end, last.rule, last.reference));
        }
      } else {
        merged.add(f);
      }
    }
    return merged;
  }
}
