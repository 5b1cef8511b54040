package dev.gttrainset.scrub;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people a session shows: the login it ran under (its home folder) and the logins and full
 * names that its tools print, in author and owner lines, git config, {@code gh} output and the
 * owner columns of {@code ls -l}. Found once for the whole job, they are scrubbed wherever they
 * stand as words.
 */
public final class People {
  private People() {}

  public static final String LOGIN = "login";
  public static final String FULL_NAME = "full-name";

  /** Accounts that name no one: system users, CI runners, placeholders. */
  private static final Set<String> NOBODY =
      Set.copyOf(
          List.of(
              "user", "users", "root", "admin", "administrator", "ubuntu", "debian", "ec2-user", "centos", "fedora",
              "runner", "vscode", "node", "codespace", "codespaces", "pi", "vagrant", "docker", "git", "www-data",
              "nobody", "me", "dev", "developer", "build", "builder", "ci", "jenkins", "app", "home", "test", "tester",
              "guest", "default", "shared", "public", "work", "staff", "wheel", "sudo", "adm", "daemon", "bin", "sys",
              "operator", "everyone", "admins", "users", "nogroup", "postgres", "mysql", "redis", "nginx", "apache",
              "claude", "anthropic", "github", "github-actions", "dependabot", "renovate", "bot", "noreply", "unknown",
              "system", "service", "local", "localuser", "owner", "author", "sig", "name", "none", "null", "true",
              "false", "your", "yourname", "username", "login", "example", "sample", "demo", "linux", "mac", "macos",
              "windows"));

  private static final Set<String> NOT_NAMES =
      Set.of("test user", "your name", "john doe", "jane doe", "example user", "claude", "anthropic", "github",
          "gas town", "first last", "full name", "author name", "unknown", "the", "a", "an");

  /** A full name: one to four capitalised words, particles allowed between them. */
  private static final String NAME =
      "\\p{Lu}[\\p{L}'\u2019\\-]{1,30}(?:[ \\t]{1,2}(?:(?:van|von|de|da|del|der|di|du|dos|das|le|la|bin|al)[ \\t]{1,2})?\\p{Lu}[\\p{L}'\u2019\\-]{0,30}\\.?){0,3}";

  private static final String LOGIN_WORD = "[a-z_][a-z0-9._\\-]{1,38}";

  /** {@code Author: Alice Example <a@x>}, {@code Owner: Alice Example · Type: task}. */
  private static final Pattern PERSON_LINE =
      Pattern.compile(
          "(?im)^[ \\t>*#-]{0,6}(?:author|owner|committer|co-authored-by|signed-off-by|reviewed-by|reported-by|assignee"
              + "|reviewer|maintainer|created by|authored by|assigned to)[ \\t]*:[ \\t]*(?-i:(" + NAME + ")|(" + LOGIN_WORD
              + "))[ \\t]*(?:<[^>\\n]{0,100}>)?[ \\t]*(?:$|\u00b7|\\||\\(|[ \\t]{2})");

  /** {@code git config user.name "Alice Example"}, {@code user.name=Alice Example}, {@code [user] name = ...}. */
  private static final Pattern GIT_CONFIG =
      Pattern.compile("(?m)(?:user\\.name|^[ \\t]+name)[ \\t]*(?:=[ \\t]*|[ \\t]+)[\"']?(" + NAME + "|" + LOGIN_WORD + ")[\"']?[ \\t]*$");

  /** gh's user objects: {@code "login": "alice"} and the {@code "name"} beside it. */
  private static final Pattern GH_LOGIN = Pattern.compile("\"login\"[ \\t]*:[ \\t]*\"(" + LOGIN_WORD + ")\"", Pattern.CASE_INSENSITIVE);

  private static final Pattern GH_NAME = Pattern.compile("\"name\"[ \\t]*:[ \\t]*\"(" + NAME + ")\"");

  /** {@code drwxr-xr-x  5 alice  staff  160 Jan 21 10:59 notes}: the owner and the group. */
  private static final Pattern LS_LONG =
      Pattern.compile(
          "(?m)^[-dlcbps][rwxsStT-]{9}[@+.]?[ \\t]+\\d{1,6}[ \\t]+(" + LOGIN_WORD + ")[ \\t]+(" + LOGIN_WORD + ")[ \\t]+\\d");

  /** The login a home folder was under: {@code /home/alice/...}, {@code /Users/alice/...}. */
  private static final Pattern HOME = Pattern.compile("^(?:/home/|/Users/|[A-Za-z]:\\\\Users\\\\)([^/\\\\]{1,64})");

  /** The words each finder needs in a text, in any case, before its pattern is worth running. */
  private static final int PERSON_WORD = 0;
  private static final int GIT_USER_NAME = 1;
  private static final int GIT_USER_SECTION = 2;
  private static final int GH_USER = 3;
  private static final int PERMISSIONS = 4;

  private static final KeywordIndex CUES =
      KeywordIndex.ofGroups(
          List.of(
              List.of("author", "owner", "committer", "signed-off", "co-authored", "reviewed-by", "reported-by", "assignee",
                  "reviewer", "maintainer", "created by", "assigned to"),
              List.of("user.name"),
              List.of("[user]"),
              List.of("\"login\""),
              List.of("rw-", "rwx", "r--")));

  /** Adds the people a text names to {@code found}: word to {@link #LOGIN} or {@link #FULL_NAME}. */
  public static void learn(String text, Map<String, String> found) {
    if (text.length() < 8) {
      return;
    }
    BitSet cues = CUES.candidates(text);
    if (cues.get(PERSON_WORD)) {
      Matcher line = PERSON_LINE.matcher(text);
      while (line.find()) {
        if (line.group(1) != null) {
          addName(line.group(1), found);
        } else {
          addLogin(line.group(2), found);
        }
      }
    }
    if (cues.get(GIT_USER_NAME) || cues.get(GIT_USER_SECTION)) {
      Matcher git = GIT_CONFIG.matcher(text);
      while (git.find()) {
        if (git.group().contains("user.name") || cues.get(GIT_USER_SECTION)) {
          String who = git.group(1);
          if (Character.isUpperCase(who.charAt(0))) {
            addName(who, found);
          } else {
            addLogin(who, found);
          }
        }
      }
    }
    if (cues.get(GH_USER)) {
      Matcher login = GH_LOGIN.matcher(text);
      boolean any = false;
      while (login.find()) {
        addLogin(login.group(1), found);
        any = true;
      }
      if (any) {
        Matcher name = GH_NAME.matcher(text);
        while (name.find()) {
          addName(name.group(1), found);
        }
      }
    }
    if (cues.get(PERMISSIONS)) {
      Matcher ls = LS_LONG.matcher(text);
      while (ls.find()) {
        addLogin(ls.group(1), found);
        addLogin(ls.group(2), found);
      }
    }
  }

  /** The login of a working directory's home folder, if it has one. */
  public static String loginOfHome(String path) {
    Matcher home = HOME.matcher(path);
    return home.find() ? home.group(1) : "";
  }

  /** Whether a login names a person: not a system account, not too short to be told from a word. */
  static boolean isPersonalLogin(String login) {
    return login.length() >= 3 && !NOBODY.contains(login.toLowerCase(Locale.ROOT)) && !login.contains("<");
  }

  private static void addLogin(String login, Map<String, String> found) {
    if (isPersonalLogin(login)) {
      found.putIfAbsent(login, LOGIN);
    }
  }

  private static void addName(String name, Map<String, String> found) {
    String clean = name.strip().replaceAll("\\s+", " ").replaceAll("\\.$", "");
    String lower = clean.toLowerCase(Locale.ROOT);
    if (clean.length() < 3 || NOT_NAMES.contains(lower) || NOBODY.contains(lower)) {
      return;
    }
    found.putIfAbsent(clean, FULL_NAME);
  }
}
