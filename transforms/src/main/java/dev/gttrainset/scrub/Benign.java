package dev.gttrainset.scrub;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is not a secret although it stands where one could: placeholders ({@code xxxx}, {@code
 * <your-key>}, {@code changeme}, {@code ...}), references to a secret kept elsewhere ({@code
 * $TOKEN}, {@code ${{ secrets.X }}}, {@code os.environ["X"]}), code ({@code X25519.key_length},
 * {@code getToken()}), keys that providers print in their documentation, and the placeholders this
 * job writes itself. The scrubber and the leak gate share it, so neither replaces or flags what the
 * other lets stand.
 */
public final class Benign {
  private Benign() {}

  /** A line its author marked as holding no secret, in the scanners' own words. */
  private static final Pattern ALLOW_COMMENT =
      Pattern.compile("(?i)pragma:\\s?(?:allowlist|whitelist) secret|gitleaks:allow|trufflehog:ignore|nosecret");

  /** Filler in a provider's token; zeros are left out: test keys such as sk-lf-0000... are keys. */
  private static final Pattern TOKEN_FILLER = Pattern.compile("([xX*#\u2022])\\1{4}|\\.{5}");

  /** Runs that stand for a value: five or more of one of these characters. */
  private static final Pattern FILLER_RUN = Pattern.compile("([xX*#.\u2022])\\1{4}");

  /** One character again and again: ten or more in a row that make up a third of the value. */
  private static final Pattern SAME_RUN = Pattern.compile("([A-Za-z0-9])\\1{9,}");

  private static final Pattern REFERENCE =
      Pattern.compile(
          "\\$[A-Za-z_][A-Za-z0-9_]*"
              + "|\\$\\{[^{}]{1,100}\\}"
              + "|\\$\\{\\{[^{}]{1,200}\\}\\}"
              + "|\\$\\([^()]{1,200}\\)"
              + "|\\$\\d+"
              + "|%[A-Za-z_][A-Za-z0-9_]*%"
              + "|\\{\\{[^{}]{1,200}\\}\\}"
              + "|\\{%[^%]{1,200}%\\}"
              + "|<%=?[^%]{1,200}%>"
              + "|@[A-Za-z_][A-Za-z0-9_]*@"
              + "|#\\{[^{}]{1,100}\\}"
              + "|`[^`]{1,200}`"
              + "|%\\(?[A-Za-z_]*\\)?[sdrv]"
              + "|\\{[a-z_][a-z0-9_]{0,30}\\}|\\{\\d{0,2}\\}");

  /** A reference, or several with punctuation between them: {@code "$USER:$PASSWORD"}. */
  private static final Pattern REFERENCES =
      Pattern.compile("(?:" + REFERENCE.pattern() + ")(?:[:@/.,;=_\\- ]{0,3}(?:" + REFERENCE.pattern() + "))*");

  /** Code that fetches a secret or names one: environment lookups, vault and config paths. */
  private static final Pattern LOOKUP =
      Pattern.compile(
          "(?i)(?:process\\.env|import\\.meta\\.env|os\\.environ|os\\.getenv|getenv|system\\.getenv|env|\\$env|ENV)"
              + "(?:\\.[A-Za-z_][A-Za-z0-9_]*|\\s*[\\[(][^\\])]{1,120}[\\])]).*"
              + "|(?:var|local|data|module|secrets|vars|inputs|env|self|this|config|settings|params|args|opts|options|props|ctx|context|credentials|cfg|conf|values)\\.[A-Za-z_][A-Za-z0-9_.]*"
              + "|(?:vault|secret|ssm|sm|op|aws-secretsmanager|arn:aws:[a-z]+):[A-Za-z0-9_/.:\\-]{2,200}"
              + "|!(?:vault|Ref|Sub|GetAtt|secret|env)\\b.*");

  /** Literal words that are not values: booleans, nulls, types and the names of secrets themselves. */
  private static final Set<String> NOT_VALUES =
      Set.of(
          "true", "false", "null", "nil", "none", "undefined", "yes", "no", "on", "off", "required", "optional",
          "string", "str", "int", "bool", "boolean", "object", "any", "bytes", "secret", "secrets", "password",
          "passwd", "pass", "pwd", "token", "key", "apikey", "api_key", "credentials", "credential", "empty", "redacted", "hidden",
          "masked", "omitted", "removed", "unset", "default", "todo", "tbd", "n/a", "na", "test", "testing",
          "example", "sample", "dummy", "fake", "placeholder", "changeme", "changeit", "change_me", "change-me",
          "secret123", "password123", "admin", "guest", "root", "user", "username");

  /** Words that mark a whole value as a stand-in when they are one of its parts. */
  private static final Pattern PLACEHOLDER_WORD =
      Pattern.compile(
          "(?i)(?:^|[^a-z])(?:example|examples|sample|dummy|fake|placeholder|changeme|change_?me|changeit|your|yours"
              + "|here|insert|replace|redacted|todo|fixme|mock|foobar|lorem|ipsum)(?:[^a-z]|$)"
              + "|(?i)fake|example|dummy|placeholder|changeme");

  /** Runs of letters or digits in order: {@code abcdefgh}, {@code 12345678}, {@code qwerty}. */
  private static final String[] SEQUENCES = {
    "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz0123456789+/",
    "0123456789abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz+/",
    "0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz",
    "01234567890123456789", "0123456789abcdef0123456789abcdef", "abcdefghijklmnopqrstuvwxyz=/",
    "9876543210", "zyxwvutsrqponmlkjihgfedcba", "qwertyuiopasdfghjklzxcvbnm"
  };

  /** An angle-bracket placeholder inside a value: {@code key-<your-key>}, {@code <user>:<pw>}. */
  private static final Pattern ANGLE_PLACEHOLDER = Pattern.compile("<[A-Za-z_][A-Za-z0-9_ .:\\-]{0,60}>");

  /** SHA-256 of keys published on purpose ({@code published-examples.txt}): no key-shaped literal here. */
  private static final Set<String> PUBLISHED_EXAMPLES = readHashes("published-examples.txt");

  private static Set<String> readHashes(String resource) {
    try (java.io.InputStream in = Benign.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing");
      }
      Set<String> hashes = new java.util.HashSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          hashes.add(line.split("\\s+", 2)[0]);
        }
      }
      return Set.copyOf(hashes);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Whether a whole value is not a secret: a placeholder, a reference, code or a published example. */
  public static boolean value(String value) {
    String v = strip(value);
    if (v.isEmpty()) {
      return true;
    }
    return isOwnPlaceholder(v) || isPlaceholder(v) || isReference(v) || isPublishedExample(v);
  }

  /**
   * Whether a provider's token is a stand-in: filler ({@code ghp_xxxx}, {@link #filledIn}), cut
   * short ({@code ...}), an angle-bracket placeholder, a documentation example, or this job's own
   * placeholder. Words such as "fake" inside a token prove nothing: test keys are keys.
   */
  public static boolean token(String value) {
    String v = strip(value);
    return v.isEmpty()
        || isOwnPlaceholder(v)
        || v.contains("...")
        || TOKEN_FILLER.matcher(v).find()
        || ANGLE_PLACEHOLDER.matcher(v).find()
        || filledIn(v)
        || v.toLowerCase(Locale.ROOT).contains("example")
        || isPublishedExample(v);
  }

  /** Whether a line says, in a scanner's comment, that it holds no secret. */
  public static boolean lineAllowed(String line) {
    return line.length() < 10_000 && ALLOW_COMMENT.matcher(line).find();
  }

  /** The placeholders this job writes: {@code [REDACTED:x]}, {@code <user>}, {@code $GITHUB_TOKEN}. */
  static boolean isOwnPlaceholder(String v) {
    return v.startsWith("[REDACTED") || v.equals("<user>") || v.equals("<name>") || v.equals("user");
  }

  static boolean isPlaceholder(String v) {
    String lower = v.toLowerCase(Locale.ROOT);
    if (NOT_VALUES.contains(lower)) {
      return true;
    }
    if (v.contains("...") || v.contains("\u2026") || filler(v)) {
      return true;
    }
    if (v.startsWith("<") || v.endsWith(">") || ANGLE_PLACEHOLDER.matcher(v).find()) {
      // <your-key>, password>, <user>:<password>, https://<token>@host
      return true;
    }
    if (v.startsWith("[") && v.endsWith("]") && v.length() < 60) {
      return true;
    }
    if (sameCharacter(v)) {
      return true;
    }
    if (PLACEHOLDER_WORD.matcher(v).find()) {
      return true;
    }
    return inSequence(lower) || sequential(v) || filledIn(v);
  }

  /** Runs in order that a person types as a stand-in: abcdef, 123456, qwerty, zyx. */
  private static final String[] RUNS = {
    "abcdefghijklmnopqrstuvwxyz", "zyxwvutsrqponmlkjihgfedcba", "01234567890", "09876543210", "qwertyuiop", "asdfghjkl"
  };

  /**
   * Whether runs of five or more characters in order make up most of the value: {@code
   * AKIA123456789ABCDEF1}, {@code xoxp-1234567890}. Random keys hold no such runs.
   */
  static boolean sequential(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    int covered = 0;
    int i = 0;
    while (i < lower.length()) {
      int longest = inOrder(lower, i);
      if (longest >= 5) {
        covered += longest;
        i += longest;
      } else {
        i++;
      }
    }
    return lower.length() >= 8 && covered * 10 >= lower.length() * 6;
  }

  /** How many characters from {@code i} follow one of the {@link #RUNS}. */
  private static int inOrder(String lower, int i) {
    int longest = 0;
    for (String run : RUNS) {
      int at = run.indexOf(lower.charAt(i));
      if (at < 0) {
        continue;
      }
      int n = 0;
      while (i + n < lower.length() && at + n < run.length() && lower.charAt(i + n) == run.charAt(at + n)) {
        n++;
      }
      longest = Math.max(longest, n);
    }
    return longest;
  }

  /**
   * Whether a person's filler makes up most of a token: zeros ({@code 0000…TUVWXYZ}), runs of
   * several characters ({@code sgp_5555555dAAAAA7777777…}) or a short unit repeated ({@code
   * GR1348941123123…}). One other character over and over ({@code AGE-SECRET-KEY-1QQQ…}) is how
   * scanners' own rule tests write a key, and they count it as one: so does this job.
   */
  static boolean filledIn(String token) {
    int covered = 0;
    boolean units = false;
    Set<Character> runs = new TreeSet<>();
    int i = 0;
    while (i < token.length()) {
      int run = repeats(token, i, 1);
      int unit = Math.max(repeats(token, i, 2), repeats(token, i, 3));
      if (run >= 5) {
        runs.add(token.charAt(i));
        covered += run;
        i += run;
      } else if (unit >= 6) {
        units = true;
        covered += unit;
        i += unit;
      } else {
        i++;
      }
    }
    boolean filler = units || runs.size() >= 2 || runs.equals(Set.of('0'));
    return token.length() >= 16 && filler && covered * 10 >= token.length() * 6;
  }

  /** How many characters from {@code i} repeat the unit of {@code size} that starts there, if thrice. */
  private static int repeats(String text, int i, int size) {
    int n = size;
    while (i + n < text.length() && text.charAt(i + n) == text.charAt(i + n - size)) {
      n++;
    }
    return n >= 3 * size ? n : 0;
  }

  static boolean isReference(String v) {
    return REFERENCES.matcher(v).matches() || LOOKUP.matcher(v).matches();
  }

  static boolean isPublishedExample(String v) {
    if (v.endsWith("EXAMPLE") || v.contains("EXAMPLEKEY")) {
      return true;
    }
    return v.length() >= 16 && PUBLISHED_EXAMPLES.contains(sha256(v));
  }

  private static boolean filler(String v) {
    if (FILLER_RUN.matcher(v).find()) {
      return true;
    }
    Matcher run = SAME_RUN.matcher(v);
    while (run.find()) {
      if ((run.end() - run.start()) * 3 >= v.length()) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameCharacter(String v) {
    String letters = v.replaceAll("[\\-_.]", "");
    if (letters.length() < 3) {
      return false;
    }
    char first = Character.toLowerCase(letters.charAt(0));
    for (int i = 1; i < letters.length(); i++) {
      if (Character.toLowerCase(letters.charAt(i)) != first) {
        return false;
      }
    }
    return true;
  }

  /** Whether the whole value is a run of one sequence: {@code abcdef}, {@code 0123456789}, the base64 alphabet. */
  static boolean inSequence(String lower) {
    String letters = lower.replaceAll("[^a-z0-9+/=]", "");
    if (letters.length() < 6) {
      return false;
    }
    for (String sequence : SEQUENCES) {
      if (sequence.contains(letters)) {
        return true;
      }
    }
    return false;
  }

  private static String strip(String value) {
    String v = value.strip();
    while (v.length() >= 2 && isQuote(v.charAt(0)) && v.charAt(v.length() - 1) == v.charAt(0)) {
      v = v.substring(1, v.length() - 1).strip();
    }
    return v;
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\'' || c == '`';
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
