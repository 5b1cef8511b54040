package dev.gttrainset.scrub;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds values assigned to names that say they hold a secret, in the syntaxes agents meet: shell
 * and {@code .env} ({@code X_TOKEN=v}, {@code export}), YAML (block scalars too), JSON, TOML and
 * INI, XML elements and attributes ({@code <xToken>v</xToken>}, {@code <add key="x" value="v"/>}),
 * Makefile and Go ({@code :=}, {@code ::=}, {@code ?=}, {@code var x string =}), Java and Kotlin
 * ({@code setProperty("X", "v")}), PHP ({@code .=}, {@code =>}), Ruby, Python, JS and TS,
 * Terraform, Kubernetes {@code name:}/{@code value:} pairs, command-line flags ({@code --password
 * v}), comparisons ({@code "v" == password}) and C++ constructors. What a name holds is read by
 * {@link SecretNames}; whether a value is one by its shape, here.
 */
final class Assignments {
  /** Words that can stand in a name of a secret; the whole name is read around them. */
  private static final String[] TRIGGERS = {
    "pass", "pwd", "secret", "token", "key", "auth", "cred", "contrase", "senha", "bearer", "jwt", "hmac", "dsn"
  };

  /** Short words that trigger only as a whole part of a name: {@code DB_PW}, {@code GITLAB_PAT}. */
  private static final String[] WHOLE_TRIGGERS = {"pw", "pat", "psw"};

  /** The triggers by their first letter, lower case: one look-up for most characters of a text. */
  private static final String[][] BY_FIRST = byFirstLetter();

  private static String[][] byFirstLetter() {
    String[][] table = new String[128][];
    for (String trigger : TRIGGERS) {
      char first = trigger.charAt(0);
      String[] old = table[first] == null ? new String[0] : table[first];
      String[] grown = java.util.Arrays.copyOf(old, old.length + 1);
      grown[old.length] = trigger;
      table[first] = grown;
    }
    return table;
  }

  /**
   * Which two lower-case ASCII letters can begin a trigger, {@code [first * 128 + second]}: most
   * characters that begin one (a, c, p, s, t) are followed by a letter that no trigger has next.
   */
  private static final boolean[] FIRST_TWO = firstTwoLetters();

  private static boolean[] firstTwoLetters() {
    boolean[] table = new boolean[128 * 128];
    for (String[] triggers : new String[][] {TRIGGERS, WHOLE_TRIGGERS}) {
      for (String trigger : triggers) {
        table[trigger.charAt(0) * 128 + trigger.charAt(1)] = true;
      }
    }
    return table;
  }

  /** Lower-case strings one of which a text holds when it can name a secret: the rule's keywords. */
  static final String[] KEYWORDS = {
    "pass", "pwd", "pw", "secret", "token", "key", "auth", "cred", "contrase", "senha", "bearer", "jwt", "hmac", "dsn",
    "pat", "psw"
  };

  /** Assignment operators, longest first. */
  private static final String[] OPERATORS = {
    ":::=", "::=", ":=", "?=", "+=", ".=", "??=", "||=", "===", "!==", "==", "!=", "=>", "<-", "=", ":"
  };

  /** A field that names the value standing beside it: {@code name: X_TOKEN}, {@code key="ApiKey"}. */
  private static final Pattern NAMING_FIELD = Pattern.compile("(?i)(?:name|key|id|variable|param|property)[\"']?\\s*[:=]\\s*[\"']?$");

  private static final Pattern VALUE_FIELD =
      Pattern.compile("(?i)[\"']?(?:value|secret|default)[\"']?\\s*[:=]\\s*|>");

  private static final Pattern TYPE_ANNOTATION =
      Pattern.compile("(?:\\s*:\\s*|\\s+)[A-Za-z_][A-Za-z0-9_<>\\[\\].?]{0,40}\\s*(?==[^=>])");

  private static final int MAX_VALUE = 10_000;

  /** A rejected value longer than this is skipped whole, so that no text is read once per name in it. */
  private static final int LONG_VALUE = 256;

  private final ScrubRule rule;

  Assignments(ScrubRule rule) {
    this.rule = rule;
  }

  /** Adds a finding for every secret value in the text. */
  void find(String text, List<Finding> out) {
    int lastNameStart = -1;
    int from = 0;
    while (from < text.length()) {
      int wordStart = nextTrigger(text, from);
      if (wordStart < 0) {
        return;
      }
      int nameStart = nameStart(text, wordStart);
      int nameEnd = nameEnd(text, wordStart + 1);
      from = Math.max(wordStart + 1, nameEnd);
      if (nameStart == lastNameStart) {
        continue;
      }
      lastNameStart = nameStart;
      String name = text.substring(nameStart, nameEnd);
      if (isNamingAttribute(text, nameStart, nameEnd)) {
        // <entry key="x" value="y">: "key" names the entry; its value is read as the name below.
        continue;
      }
      SecretNames.Kind kind = SecretNames.of(name);
      if (kind == SecretNames.Kind.NONE) {
        continue;
      }
      Value value = valueAfter(text, nameStart, nameEnd);
      if (value == null) {
        value = valueBefore(text, nameStart);
      }
      if (value == null) {
        value = pairedValue(text, nameStart, nameEnd);
      }
      if (value == null) {
        continue;
      }
      if (accepts(kind, name, value) && !Benign.lineAllowed(line(text, nameStart))) {
        out.add(new Finding(value.start, value.end, rule, SecretNames.reference(name), nameStart));
        from = Math.max(from, value.end);
      } else if (value.end - value.start > LONG_VALUE) {
        // A long run of value characters that is no secret holds no other assignment: read past it.
        from = Math.max(from, value.end);
      }
    }
  }

  private static final Pattern NAMING_ATTRIBUTE = Pattern.compile("(?i)key|name|id");

  /** {@code key="..."} inside a tag that also has a {@code value=}: the attribute that names the pair. */
  private static boolean isNamingAttribute(String text, int nameStart, int nameEnd) {
    if (!NAMING_ATTRIBUTE.matcher(text).region(nameStart, nameEnd).matches() || !text.startsWith("=", nameEnd)) {
      return false;
    }
    int tagEnd = text.indexOf('>', nameEnd);
    int tagStart = text.lastIndexOf('<', nameStart);
    if (tagStart < 0 || tagEnd < 0 || tagEnd - tagStart > 1_000 || text.lastIndexOf('>', nameStart) > tagStart) {
      return false;
    }
    return text.substring(tagStart, tagEnd).contains("value=");
  }

  /** Where the next trigger word starts, at or after {@code from}; -1 when none. */
  static int nextTrigger(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      char lower = asciiLower(c);
      String[] triggers = lower < 128 ? BY_FIRST[lower] : null;
      if (triggers == null || !mayBeginTrigger(text, i, lower)) {
        continue;
      }
      for (String trigger : triggers) {
        if (text.regionMatches(true, i, trigger, 0, trigger.length())) {
          return i;
        }
      }
      if (lower == 'p') {
        for (String trigger : WHOLE_TRIGGERS) {
          int end = i + trigger.length();
          if (text.regionMatches(true, i, trigger, 0, trigger.length())
              && (i == 0 || !Character.isLetter(text.charAt(i - 1)) || Character.isUpperCase(c))
              && (end >= text.length() || !Character.isLowerCase(text.charAt(end)))) {
            return i;
          }
        }
      }
    }
    return -1;
  }

  /**
   * Whether the letters at {@code i} can begin a trigger. A character after it outside ASCII is
   * left to the comparison: it ignores case as Unicode does ({@code ſ} is an {@code s}).
   */
  private static boolean mayBeginTrigger(String text, int i, char lowerFirst) {
    if (i + 1 >= text.length()) {
      return false;
    }
    char second = asciiLower(text.charAt(i + 1));
    return second >= 128 || FIRST_TWO[lowerFirst * 128 + second];
  }

  private static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  /** A value's place in the text, and whether it stood in quotes (a literal for sure). */
  static final class Value {
    final int start;
    final int end;
    final String text;
    final boolean quoted;
    final boolean multiline;
    /** An unquoted value that is all the rest of a line holding nothing but its assignment. */
    final boolean wholeLine;

    final boolean backticks;

    Value(String source, int start, int end, boolean quoted, boolean multiline) {
      this(source, start, end, quoted, multiline, false);
    }

    Value(String source, int start, int end, boolean quoted, boolean multiline, boolean wholeLine) {
      this.start = start;
      this.end = end;
      this.text = source.substring(start, end);
      this.quoted = quoted;
      this.multiline = multiline;
      this.wholeLine = wholeLine;
      this.backticks = quoted && start > 0 && source.charAt(start - 1) == '`';
    }

    private Value(Value v) {
      this.start = v.start;
      this.end = v.end;
      this.text = v.text;
      this.quoted = true;
      this.multiline = v.multiline;
      this.wholeLine = false;
      this.backticks = false;
    }

    /** The same value, its backticks a string literal's rather than a command's. */
    Value asLiteral() {
      return new Value(this);
    }
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
  }

  private static int nameStart(String text, int at) {
    int i = at;
    while (i > 0 && isNameChar(text.charAt(i - 1)) && at - i < 100) {
      i--;
    }
    while (i < at && (text.charAt(i) == '.' || text.charAt(i) == '-') && !text.startsWith("--", i)) {
      i++;
    }
    return i;
  }

  private static int nameEnd(String text, int at) {
    int i = at;
    while (i < text.length() && isNameChar(text.charAt(i)) && i - at < 100) {
      i++;
    }
    while (i > at && (text.charAt(i - 1) == '.' || text.charAt(i - 1) == '-')) {
      i--;
    }
    return i;
  }

  /** The value that follows a name through an operator, a type, an opening tag or a call. */
  private static Value valueAfter(String text, int nameStart, int nameEnd) {
    char before = nameStart > 0 ? text.charAt(nameStart - 1) : '\n';
    int i = nameEnd;
    if (before == '<') {
      return elementText(text, nameEnd);
    }
    boolean quotedName = isQuote(before) && i < text.length() && text.charAt(i) == before;
    if (quotedName) {
      i++;
    }
    i = skip(text, i, "]");
    if (text.startsWith("[]", i)) {
      i += 2;
    } else if (i < text.length() && text.charAt(i) == '[' ) {
      int close = text.indexOf(']', i);
      if (close > i && close - i <= 4) {
        i = close + 1;
      }
    }
    int spaceStart = i;
    i = skipSpaces(text, i);
    boolean spaced = i > spaceStart;
    Matcher type = TYPE_ANNOTATION.matcher(text).region(nameEnd + (quotedName ? 1 : 0), Math.min(text.length(), i + 60));
    if (type.lookingAt() && !text.startsWith("=", i) && !text.startsWith(":=", i)) {
      i = type.end();
    }
    String op = operatorAt(text, i);
    if (op == null) {
      if (quotedName && i < text.length() && text.charAt(i) == ',') {
        // setProperty("X_TOKEN", "v"), os.Setenv("X", "v"), define('DB_PASSWORD', 'v')
        return quoted(text, skipSpaces(text, i + 1));
      }
      if (i < text.length() && text.charAt(i) == '(' && !spaced) {
        // std::string secret("v")
        return quoted(text, skipSpaces(text, i + 1));
      }
      if (text.startsWith(".assign(", i)) {
        return quoted(text, skipSpaces(text, i + ".assign(".length()));
      }
      if (spaced && i < text.length() && (isQuote(text.charAt(i)) || (text.charAt(i) == '@' && i + 1 < text.length() && text.charAt(i + 1) == '"'))) {
        // private_key "v";  PASSWORD 'v'
        return quoted(text, i);
      }
      if (spaced && text.startsWith("-", nameStart) && i < text.length() && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '-') {
        // --password v, -Dkey.password v
        return bare(text, i);
      }
      return null;
    }
    int valueStart = skipSpaces(text, i + op.length());
    if (op.equals(":") && (text.startsWith("//", i + 1) || text.startsWith(":", i + 1))) {
      return null;
    }
    if (valueStart >= text.length()) {
      return null;
    }
    char first = text.charAt(valueStart);
    if (first == '\n' || first == '\r') {
      return op.equals(":") ? nextIndentedLine(text, nameStart, valueStart) : null;
    }
    if (op.equals(":") && (first == '|' || first == '>')) {
      return blockScalar(text, nameStart, valueStart);
    }
    if (first == '@' && valueStart + 1 < text.length() && text.charAt(valueStart + 1) == '"') {
      return quoted(text, valueStart + 1);
    }
    if (isStringPrefix(text, valueStart)) {
      return quoted(text, valueStart + 1);
    }
    if (isQuote(first)) {
      Value value = quoted(text, valueStart);
      // X=`cmd` in a shell runs a command; Go's := and JS's = hold raw strings in backticks.
      boolean shell = op.equals("=") && valueStart == i + 1 && !spaced;
      return value == null || shell || !value.backticks ? value : value.asLiteral();
    }
    if ((op.equals(":") || op.equals("=")) && aloneOnLine(text, nameStart, quotedName)) {
      Value rest = restOfLine(text, valueStart);
      if (rest != null) {
        return rest;
      }
    }
    return bare(text, valueStart);
  }

  /** A line start, then only {@code export}, {@code - } or a quote before the name. */
  private static final Pattern LINE_LEAD =
      Pattern.compile("[ \\t]*(?:export[ \\t]+|set[ \\t]+|-[ \\t]+|local[ \\t]+|readonly[ \\t]+|declare(?:[ \\t]+-x)?[ \\t]+)?");

  private static boolean aloneOnLine(String text, int nameStart, boolean quotedName) {
    int lineStart = text.lastIndexOf('\n', nameStart - 1) + 1;
    int leadEnd = quotedName ? nameStart - 1 : nameStart;
    return leadEnd >= lineStart && LINE_LEAD.matcher(text).region(lineStart, leadEnd).matches();
  }

  /** {@code NAME=a,b!c} or {@code key: several words}: the rest of the line, a comment left out. */
  private static Value restOfLine(String text, int start) {
    int end = text.indexOf('\n', start);
    end = end < 0 ? text.length() : end;
    if (end - start > MAX_VALUE) {
      return null;
    }
    String rest = text.substring(start, end);
    int comment = rest.indexOf(" #");
    if (comment < 0) {
      comment = rest.indexOf(" //");
    }
    int stop = comment < 0 ? rest.length() : comment;
    while (stop > 0 && (Character.isWhitespace(rest.charAt(stop - 1)) || rest.charAt(stop - 1) == ';' || rest.charAt(stop - 1) == ',')) {
      stop--;
    }
    if (stop == 0 || rest.charAt(0) == '"' || rest.charAt(0) == '\'' || rest.charAt(0) == '`') {
      return null;
    }
    return new Value(text, start, start + stop, false, false, true);
  }

  private static String operatorAt(String text, int i) {
    for (String op : OPERATORS) {
      if (text.startsWith(op, i)) {
        if (op.equals("=") && i + 1 < text.length() && text.charAt(i + 1) == '~') {
          return null;
        }
        return op;
      }
    }
    return null;
  }

  /** {@code "v" == password}, {@code 'v' !== secret}: a literal compared with the name. */
  private static Value valueBefore(String text, int nameStart) {
    int i = nameStart;
    while (i > 0 && text.charAt(i - 1) == ' ') {
      i--;
    }
    int opEnd = i;
    while (i > 0 && (text.charAt(i - 1) == '=' || text.charAt(i - 1) == '!')) {
      i--;
    }
    if (opEnd - i < 2 || opEnd - i > 3) {
      return null;
    }
    while (i > 0 && text.charAt(i - 1) == ' ') {
      i--;
    }
    if (i == 0 || !isQuote(text.charAt(i - 1))) {
      return null;
    }
    char quote = text.charAt(i - 1);
    int open = text.lastIndexOf(quote, i - 2);
    if (open < 0 || i - 1 - open > MAX_VALUE || text.substring(open + 1, i - 1).indexOf('\n') >= 0) {
      return null;
    }
    return new Value(text, open + 1, i - 1, true, false);
  }

  /**
   * A name given as the value of a naming field, its value in the field beside it: {@code <add
   * key="ApiToken" value="v"/>}, {@code - name: API_TOKEN / value: v}, {@code {"name":
   * "x_token", "value": "v"}}.
   */
  private static Value pairedValue(String text, int nameStart, int nameEnd) {
    int i = nameStart;
    if (i > 0 && isQuote(text.charAt(i - 1))) {
      i--;
    }
    String before = text.substring(Math.max(0, i - 30), i);
    if (!NAMING_FIELD.matcher(before).find()) {
      return null;
    }
    int after = nameEnd;
    if (after < text.length() && isQuote(text.charAt(after))) {
      after++;
    }
    int limit = Math.min(text.length(), after + 200);
    Matcher field = VALUE_FIELD.matcher(text).region(after, limit);
    if (!field.find()) {
      return null;
    }
    String between = text.substring(after, field.start());
    if (between.chars().filter(c -> c == '\n').count() > 2) {
      return null;
    }
    if (field.group().equals(">")) {
      int close = text.indexOf('<', field.end());
      if (between.contains("/") || close < 0) {
        return null;
      }
      return elementText(text, field.start());
    }
    int start = field.end();
    if (start < text.length() && isQuote(text.charAt(start))) {
      return quoted(text, start);
    }
    return bare(text, start);
  }

  /** The text of an element whose name ends at {@code nameEnd}: {@code <xToken>\n  v\n</xToken>}. */
  private static Value elementText(String text, int nameEnd) {
    int close = text.indexOf('>', nameEnd);
    if (close < 0 || close - nameEnd > 300 || text.charAt(close - 1) == '/') {
      return null;
    }
    int start = close + 1;
    int end = text.indexOf('<', start);
    if (end < 0 || end - start > MAX_VALUE) {
      return null;
    }
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return end > start ? new Value(text, start, end, true, text.substring(start, end).indexOf('\n') >= 0) : null;
  }

  /** A quoted value starting at its opening quote; null when it does not close on its line. */
  private static Value quoted(String text, int open) {
    if (open >= text.length()) {
      return null;
    }
    char quote = text.charAt(open);
    if (!isQuote(quote)) {
      return null;
    }
    if (text.startsWith("\"\"\"", open) || text.startsWith("'''", open)) {
      int close = text.indexOf(text.substring(open, open + 3), open + 3);
      return close < 0 || close - open > MAX_VALUE ? null : new Value(text, open + 3, close, true, true);
    }
    int limit = Math.min(text.length(), open + 1 + MAX_VALUE);
    for (int i = open + 1; i < limit; i++) {
      char c = text.charAt(i);
      if (c == quote) {
        return i > open + 1 ? new Value(text, open + 1, i, true, false) : null;
      }
      if (c == '\n' && quote != '`') {
        return null;
      }
    }
    return null;
  }

  /**
   * An unquoted value: up to a space, a quote, a comma or semicolon, or a tag; closing brackets it
   * did not open are left out. YAML values ({@code key: value with spaces}) stop at a comment.
   */
  private static Value bare(String text, int start) {
    int end = start;
    int limit = Math.min(text.length(), start + MAX_VALUE);
    while (end < limit) {
      char c = text.charAt(end);
      if (Character.isWhitespace(c) || c == '"' || c == '\'' || c == '`' || c == ',' || c == ';' || c == '<') {
        break;
      }
      if (c == '&' && start > 0 && "?&".indexOf(text.charAt(Math.max(0, start - 1))) < 0 && looksLikeQuery(text, start)) {
        break;
      }
      end++;
    }
    end = trimClosers(text, start, end);
    if (end <= start) {
      return null;
    }
    return new Value(text, start, end, false, false);
  }

  private static boolean looksLikeQuery(String text, int valueStart) {
    int lineStart = text.lastIndexOf('\n', valueStart) + 1;
    int q = text.lastIndexOf('?', valueStart);
    return q >= lineStart;
  }

  private static int trimClosers(String text, int start, int end) {
    int e = end;
    while (e > start) {
      char c = text.charAt(e - 1);
      String value = text.substring(start, e);
      if ((c == ')' && count(value, '(') < count(value, ')'))
          || (c == ']' && count(value, '[') < count(value, ']'))
          || (c == '}' && count(value, '{') < count(value, '}'))
          || ((c == '.' || c == ':' || c == '>') && !value.endsWith("..."))) {
        e--;
      } else {
        break;
      }
    }
    return e;
  }

  private static int count(String text, char c) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  /** {@code key:} at a line's end, its value alone on the next, deeper line (YAML, XML-ish). */
  private static Value nextIndentedLine(String text, int nameStart, int newline) {
    int lineStart = text.lastIndexOf('\n', nameStart) + 1;
    int indent = indent(text, lineStart);
    int next = text.indexOf('\n', newline);
    if (next < 0) {
      return null;
    }
    int nextStart = next + 1;
    int nextIndent = indent(text, nextStart);
    if (nextIndent <= indent) {
      return null;
    }
    int end = text.indexOf('\n', nextStart);
    end = end < 0 ? text.length() : end;
    int start = nextStart + nextIndent;
    String line = text.substring(start, end).strip();
    if (line.isEmpty() || line.contains(" ") || line.contains(":") || line.startsWith("-")) {
      return null;
    }
    return new Value(text, start, start + line.length(), true, false);
  }

  /** {@code key: |} or {@code key: >-}: the lines deeper than the key are the value. */
  private static Value blockScalar(String text, int nameStart, int indicator) {
    int lineEnd = text.indexOf('\n', indicator);
    if (lineEnd < 0 || !text.substring(indicator, lineEnd).strip().matches("[|>][+-]?\\d?")) {
      return null;
    }
    int indent = indent(text, text.lastIndexOf('\n', nameStart) + 1);
    int start = lineEnd + 1;
    int end = start;
    int cursor = start;
    while (cursor < text.length() && cursor - start < MAX_VALUE) {
      int next = text.indexOf('\n', cursor);
      int stop = next < 0 ? text.length() : next;
      boolean blank = text.substring(cursor, stop).isBlank();
      if (!blank && indent(text, cursor) <= indent) {
        break;
      }
      if (!blank) {
        end = stop;
      }
      if (next < 0) {
        break;
      }
      cursor = next + 1;
    }
    int first = start + indent(text, start);
    return end > first ? new Value(text, first, end, true, true) : null;
  }

  private static int indent(String text, int lineStart) {
    int i = lineStart;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i - lineStart;
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\'' || c == '`';
  }

  /** Python's r"", b"", f"" and u"" literals. */
  private static boolean isStringPrefix(String text, int i) {
    return i + 1 < text.length() && "rbfuRBFU".indexOf(text.charAt(i)) >= 0 && isQuote(text.charAt(i + 1))
        && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)));
  }

  private static int skip(String text, int i, String chars) {
    while (i < text.length() && chars.indexOf(text.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }

  private static int skipSpaces(String text, int i) {
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static String line(String text, int at) {
    int start = text.lastIndexOf('\n', at) + 1;
    int end = text.indexOf('\n', at);
    return text.substring(start, end < 0 ? text.length() : Math.min(end, start + 10_000));
  }

  /** Whether a value under a name of this kind is a secret. */
  static boolean accepts(SecretNames.Kind kind, String name, Value value) {
    String v = value.text.strip();
    if (v.isEmpty() || !ValueShape.hasLetterOrDigit(v)) {
      return false;
    }
    // The allowlist last: it is the dearest test, and most values fail a cheaper one first.
    return shapedAsSecret(kind, name, value, v) && !Benign.value(v) && !namesASecret(v);
  }

  private static boolean shapedAsSecret(SecretNames.Kind kind, String name, Value value, String v) {
    if (!value.quoted && (ValueShape.code(v) || ValueShape.code(v.split("\\s", 2)[0]))) {
      return false;
    }
    if (value.backticks && v.indexOf(' ') >= 0) {
      // X=`etcdctl get /secret` in a shell: a command that fetches the secret.
      return false;
    }
    if (v.indexOf(' ') >= 0 && !value.multiline) {
      // Words: a passphrase in quotes, or a config line's value, unless they name the secret.
      // A value that opens a quote of its own ('"no spaces') is a string inside code's string.
      boolean literal = (value.quoted && "\"'`".indexOf(v.charAt(0)) < 0)
          || (value.wholeLine && (kind == SecretNames.Kind.PASSWORD || compound(name)) && plainWords(v));
      return literal && v.length() >= 6 && !namesASecret(v);
    }
    if (kind == SecretNames.Kind.PASSWORD || (kind == SecretNames.Kind.SECRET && value.quoted)) {
      return v.length() >= 6 || (v.length() >= 4 && ValueShape.classes(v) >= 2);
    }
    if (v.length() < 8) {
      return false;
    }
    if (v.chars().allMatch(Character::isDigit)) {
      return v.length() >= 10;
    }
    if (HEX_VALUE.matcher(v).matches() && v.chars().anyMatch(Character::isDigit) && v.chars().anyMatch(Character::isLetter)) {
      // Hex with its separators (bfe599bc:98eb7239, a UUID): words made of a to f prove nothing.
      return true;
    }
    return !ValueShape.wordy(v);
  }

  private static final Pattern HEX_VALUE = Pattern.compile("(?:[0-9a-fA-F]{4,}[:\\-]?){3,}");

  /** A name with parts, as config keys have: {@code aws_secret_access_key}, {@code db.password}. */
  private static boolean compound(String name) {
    return ValueShape.parts(name).size() > 1;
  }

  /** Words with no code between them: no brackets, operators or keywords of a language. */
  private static final Pattern CODE_IN_WORDS = Pattern.compile("[()\\[\\]{}=|&+<>]|\\b(?:or|and|if|else|not|in|is|None|null|nil|true|false)\\b");

  private static boolean plainWords(String v) {
    return !CODE_IN_WORDS.matcher(v).find();
  }

  /** A value made of the words that name secrets, not a secret: {@code NEXUS-GPT4-API-KEY}, {@code real_key}. */
  private static boolean namesASecret(String value) {
    return ValueShape.wordy(value) && !value.chars().allMatch(Character::isLetter)
        ? SecretNames.of(value.replace(' ', '_')) != SecretNames.Kind.NONE
        : value.indexOf(' ') >= 0 && SecretNames.of(value.replace(' ', '_')) != SecretNames.Kind.NONE && ValueShape.wordy(value);
  }
}
