package dev.gttrainset.gate;

import dev.gttrainset.scrub.Benign;
import dev.gttrainset.scrub.Entropy;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The leak gate's own eye, built unlike the scrubber so that it sees what the scrubber's rules
 * miss: no provider table, no assignment grammar, only tokens. A line (with a lone value on the
 * next line, as in {@code <xToken>\n  v\n</xToken>} or a YAML block) that holds a word saying
 * "secret" and a token of 16 or more characters shaped like a key (high entropy, several classes
 * of characters, or long hex) holds a leak. The allowlist is the scrubber's ({@link Benign}), so
 * the gate never flags what the scrubber rightly let stand.
 */
public final class SecretTokens implements Serializable {
  /** The id a finding of this detector carries in rejects, stats and the report. */
  public static final String RULE = "secret-word-token";

  /** Words that say a secret stands near: as words or as parts of identifiers. */
  static final Pattern SECRET_WORD =
      Pattern.compile(
          "(?i)(?<![a-z])(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[_\\-. ]?key|auth(?:orization)?|bearer"
              + "|credentials?|creds|private[_\\-. ]?key|access[_\\-. ]?key|signing[_\\-. ]?key|client[_\\-. ]?secret|key)"
              + "(?![a-z])|(?<=[a-z0-9])(?:Password|Passwd|Secret|Token|Key|Auth|Credentials?)(?![a-z])");

  /** Candidate tokens: runs of the characters keys are written in. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9+/_\\-.~%]{16,}={0,3}");

  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
  private static final Pattern UUID = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** Ids this job's sources are full of: Claude's own, hashes with their algorithm, data URLs. */
  private static final Pattern KNOWN_IDS =
      Pattern.compile("(?:toolu|srvtoolu|msg|req|call|run|chatcmpl|resp|evt|file|thread|asst)_[A-Za-z0-9]{10,}|(?i)(?:sha(?:1|256|384|512)|md5|blake2b?)[-:~].*");

  /** Where a token that looks like a key stands beside a secret word: the line, from 1. */
  public static final class Hit {
    public final int line;

    Hit(int line) {
      this.line = line;
    }
  }

  /** The lines of the text (as read, escapes undone) where a secret word and a key-shaped token meet. */
  public List<Hit> find(String text) {
    List<Hit> hits = new ArrayList<>();
    if (text.length() < 16 || !holdsSecretWord(text)) {
      return hits;
    }
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String unit = line;
      // A value alone on its line belongs to the name that opened it on the line before, and
      // a "value:" to the "name:" above it (Kubernetes env, JSON pairs).
      if (i > 0 && ((isLoneValue(line) && opensValue(lines[i - 1])) || PAIRED_VALUE.matcher(line).lookingAt())) {
        unit = lines[i - 1] + " " + line;
      }
      if (unit.length() < 16 || unit.length() > 100_000 || Benign.lineAllowed(unit)) {
        continue;
      }
      if (leaks(line, unit)) {
        hits.add(new Hit(i + 1));
      }
    }
    return hits;
  }

  /** Whether the line holds a key-shaped token and its unit (the line, or it and its opener) a secret word. */
  private static boolean leaks(String line, String unit) {
    Matcher token = TOKEN.matcher(line);
    while (token.find()) {
      String candidate = trim(token.group());
      if (publicMaterial(line, token.start())) {
        continue;
      }
      // The word first: it is a short look back, the shape a dozen tests.
      if (secretWordBeside(unit, candidate) && keyShaped(candidate)) {
        return true;
      }
    }
    return false;
  }

  /** What follows {@code base64,} is data; what follows {@code ssh-rsa } is a public key. */
  private static final Pattern PUBLIC_BEFORE =
      Pattern.compile(
          "(?:base64,|(?i:sha(?:1|224|256|384|512)|md5|blake2b?)[:=\\-~]|(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-nistp\\d{3}|sk-ssh-ed25519@openssh\\.com)\\s+)$");

  private static boolean publicMaterial(String line, int tokenStart) {
    return PUBLIC_BEFORE.matcher(line.substring(Math.max(0, tokenStart - 40), tokenStart)).find();
  }

  /** How far before a token its secret word may end: a name and its operator, not a paragraph. */
  private static final int WORD_REACH = 80;

  /** A secret word before the token, close by, and not inside it: names come before their values. */
  private static boolean secretWordBeside(String unit, String candidate) {
    int at = unit.indexOf(candidate);
    if (at < 0) {
      return false;
    }
    int from = Math.max(0, at - WORD_REACH);
    return firstCore(unit, from, at) >= 0 && SECRET_WORD.matcher(unit).region(from, at).find();
  }

  /**
   * Every secret word holds one of these, in any case (the pattern folds ASCII case only): a text
   * without them needs no regular expression, which looks behind at every character it tries.
   */
  private static final String[] WORD_CORES = {"pass", "pwd", "secret", "token", "key", "auth", "bearer", "cred"};

  /** The most characters a secret word has before its core: {@code private_key}, {@code signing key}. */
  private static final int BEFORE_CORE = 8;

  /** Whether {@link #SECRET_WORD} matches anywhere in the text: looked for from its first core on. */
  static boolean holdsSecretWord(String text) {
    int core = firstCore(text, 0, text.length());
    return core >= 0
        && SECRET_WORD.matcher(text).region(Math.max(0, core - BEFORE_CORE), text.length()).useTransparentBounds(true).find();
  }

  private static int firstCore(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = (char) (text.charAt(i) | 0x20);
      if (c == 'p' || c == 's' || c == 't' || c == 'k' || c == 'a' || c == 'b' || c == 'c') {
        for (String core : WORD_CORES) {
          if (core.charAt(0) == c && i + core.length() <= to && text.regionMatches(true, i, core, 0, core.length())) {
            return i;
          }
        }
      }
    }
    return -1;
  }

  /** Trailing sentence dots and quotes are not part of a key; base64 padding is. */
  private static String trim(String token) {
    int end = token.length();
    while (end > 0 && (token.charAt(end - 1) == '.' || token.charAt(end - 1) == '-')) {
      end--;
    }
    return token.substring(0, end);
  }

  /** Whether a token is shaped like a key: not a word, a path, an id or a stand-in. */
  static boolean keyShaped(String token) {
    if (token.length() < 16 || token.length() > 10_000) {
      return false;
    }
    if (UUID.matcher(token).matches() || KNOWN_IDS.matcher(token).matches()) {
      return false;
    }
    if (token.indexOf('/') >= 0 && !token.matches("[A-Za-z0-9+/]+={0,2}")) {
      // A path or a URL: directories have names, keys do not.
      return false;
    }
    if (token.chars().filter(c -> c == '.').count() >= 2 && !token.contains("eyJ")) {
      // host.example.com, 1.2.3.4, a.b.c.d: dotted names rather than keys (JWTs aside).
      return false;
    }
    // The allowlist last: it is the dearest test, and most tokens fail a cheaper one first.
    return shaped(token) && !Benign.value(token) && !Benign.token(token);
  }

  private static boolean shaped(String token) {
    double bits = Entropy.bitsPerChar(token);
    if (HEX.matcher(token).matches()) {
      return token.length() >= 20 && bits >= 3.0 && hasDigitAndLetter(token);
    }
    return (hasDigitAndLetter(token) || classes(token) >= 3) && bits >= 3.5 && !identifier(token);
  }

  private static boolean hasDigitAndLetter(String token) {
    return token.chars().anyMatch(Character::isDigit) && token.chars().anyMatch(Character::isLetter);
  }

  /** Lower case, upper case, digits and the rest, as classes present. */
  private static int classes(String token) {
    int lower = 0;
    int upper = 0;
    int digit = 0;
    int other = 0;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c >= 'a' && c <= 'z') {
        lower = 1;
      } else if (c >= 'A' && c <= 'Z') {
        upper = 1;
      } else if (c >= '0' && c <= '9') {
        digit = 1;
      } else {
        other = 1;
      }
    }
    return lower + upper + digit + other;
  }

  /** The words of a name: capitalised, lower-case and upper-case runs, and numbers. */
  private static final Pattern NAME_WORD = Pattern.compile("[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+");

  /**
   * A name in code rather than a key: parts joined by {@code _ - . /}, read as words the way
   * camelCase writes them, nearly all of its letters in words one can say (with a vowel, or a
   * short acronym): {@code getAuthorizationHeader}, {@code X_API_KEY_2}, {@code
   * gitlabIncomingMailToken}. A random key falls apart into unsayable bits ({@code Vfl Lt Wf Mhp}).
   */
  private static boolean identifier(String token) {
    int words = 0;
    int letters = 0;
    int sayable = 0;
    for (String part : token.split("[_\\-./+=~%]+")) {
      if (part.isEmpty()) {
        continue;
      }
      Matcher word = NAME_WORD.matcher(part);
      int covered = 0;
      boolean constant = part.chars().noneMatch(Character::isLowerCase);
      while (word.find()) {
        String w = word.group();
        covered += w.length();
        words++;
        if (Character.isDigit(w.charAt(0))) {
          if (w.length() > 6) {
            return false;
          }
          continue;
        }
        letters += w.length();
        if (sayable(w, constant)) {
          sayable += w.length();
        }
      }
      if (covered != part.length()) {
        return false;
      }
    }
    return letters > 0 && sayable * 100 >= letters * 85 && (letters + 0.0) / words >= 2.5;
  }

  /** A word one can say: with a vowel; in camelCase, capitals only as a short acronym (HTTP, not HUQXUA). */
  private static boolean sayable(String word, boolean constant) {
    if (word.length() < 2) {
      return false;
    }
    boolean capitals = word.chars().allMatch(Character::isUpperCase);
    if (capitals && !constant) {
      return word.length() <= 5;
    }
    String lower = word.toLowerCase(Locale.ROOT);
    return (capitals && word.length() <= 4) || lower.chars().anyMatch(c -> "aeiou".indexOf(c) >= 0) || ABBREVIATIONS.contains(lower);
  }

  /** Abbreviations code writes without a vowel: {@code launchdarklySdkKey}, {@code dbPwd}, {@code msgHmacKey}. */
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "sdk", "cfg", "msg", "pwd", "psk", "src", "dst", "tmp", "ctx", "mgr", "svc", "cmd", "pkg", "std", "str",
          "db", "js", "ts", "fn", "gh", "pk", "sk", "ssh", "ssl", "tls", "jwt", "hmac", "crt", "csr", "gpg", "pgp",
          "sql", "dns", "rpc", "tcp", "http", "https", "xml", "cnt", "lst", "btn", "prv", "txn", "sms", "www");

  private static final Pattern PAIRED_VALUE = Pattern.compile("\\s*[-{,]?\\s*[\"']?value[\"']?\\s*[:=]");

  private static boolean isLoneValue(String line) {
    String stripped = line.strip();
    return !stripped.isEmpty() && stripped.indexOf(' ') < 0 && stripped.length() >= 16;
  }

  /** A line that ends by opening a value: {@code <xToken>}, {@code key:}, {@code key: |}, {@code KEY=}. */
  private static boolean opensValue(String line) {
    String stripped = line.strip().toLowerCase(Locale.ROOT);
    return stripped.endsWith(">") || stripped.endsWith(":") || stripped.endsWith("=") || stripped.endsWith("|")
        || stripped.endsWith("|-") || stripped.endsWith(">-") || stripped.endsWith("\\");
  }
}
