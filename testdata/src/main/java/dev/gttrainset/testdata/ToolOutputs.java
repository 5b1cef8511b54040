package dev.gttrainset.testdata;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** What tools print in a Gas Town: Go sources, test logs, diffs, agent tables. Long, like the real ones. */
final class ToolOutputs {
  private static final List<String> NOUNS =
      List.of(
          "bead", "convoy", "rig", "polecat", "hook", "mail", "sling", "patrol", "witness", "refinery", "merge",
          "queue", "session", "agent", "town", "worker", "nudge", "handoff", "molecule", "formula", "ledger", "beacon");
  private static final List<String> VERBS =
      List.of("load", "save", "resolve", "dispatch", "spawn", "check", "merge", "parse", "render", "flush", "claim", "close");
  static final List<String> POLECATS =
      List.of("toast", "nux", "furiosa", "slit", "capable", "ace", "dag", "morsov", "rictus", "keeper");
  static final List<String> CREW = List.of("joe", "max", "ana", "wei", "sam");
  static final List<String> RIGS = List.of("gastown", "beads", "wyvern");

  private final SplittableRandom random;

  ToolOutputs(SplittableRandom random) {
    this.random = random;
  }

  String pick(List<String> from) {
    return from.get(random.nextInt(from.size()));
  }

  String bead() {
    return "gt-" + Integer.toString(36 * 36 * 36 + random.nextInt(36 * 36 * 36 * 35), 36);
  }

  String goFile() {
    return "internal/" + pick(NOUNS) + "/" + pick(VERBS) + "_" + pick(NOUNS) + ".go";
  }

  /** A Go source file as the Read tool shows it: numbered lines. */
  String readGoFile(String path, int lines) {
    StringBuilder out = new StringBuilder(lines * 48);
    int n = 1;
    n = numbered(out, n, "package " + path.split("/")[1]);
    n = numbered(out, n, "");
    n = numbered(out, n, "import (\n\t\"context\"\n\t\"fmt\"\n)");
    while (n <= lines) {
      String type = capital(pick(NOUNS));
      String verb = pick(VERBS);
      String other = pick(NOUNS);
      n = numbered(out, n, "");
      n = numbered(out, n, "// " + capital(verb) + " " + verb + "s the " + other + " of a " + type.toLowerCase(Locale.ROOT) + " before the " + pick(NOUNS) + " runs.");
      n = numbered(out, n, "func (s *" + type + "Store) " + capital(verb) + capital(other) + "(ctx context.Context, id string) (*" + capital(other) + ", error) {");
      int body = 2 + random.nextInt(9);
      for (int i = 0; i < body && n <= lines; i++) {
        switch (random.nextInt(4)) {
          case 0:
            n = numbered(out, n, "\t" + other + ", err := s." + pick(VERBS) + capital(pick(NOUNS)) + "(ctx, id)");
            n = numbered(out, n, "\tif err != nil {\n\t\treturn nil, fmt.Errorf(\"" + verb + " " + other + " %s: %w\", id, err)\n\t}");
            break;
          case 1:
            n = numbered(out, n, "\tfor _, " + pick(NOUNS) + " := range s." + pick(NOUNS) + "s {");
            n = numbered(out, n, "\t\tif " + pick(NOUNS) + ".ID == id && !" + pick(NOUNS) + ".Closed {\n\t\t\tcontinue\n\t\t}\n\t}");
            break;
          case 2:
            n = numbered(out, n, "\ts.log.Printf(\"" + verb + " %s: %d " + pick(NOUNS) + "s\", id, len(s." + pick(NOUNS) + "s))");
            break;
          default:
            n = numbered(out, n, "\t// The " + pick(NOUNS) + " may be gone by now: a " + pick(NOUNS) + " " + pick(VERBS) + "s it first.");
        }
      }
      n = numbered(out, n, "\treturn " + other + ", nil\n}");
    }
    return out.toString();
  }

  /** The output of {@code go test -v} over a few packages. */
  String goTest(int tests, boolean failOne) {
    StringBuilder out = new StringBuilder(tests * 90);
    int failing = failOne ? random.nextInt(tests) : -1;
    for (int i = 0; i < tests; i++) {
      String name = "Test" + capital(pick(VERBS)) + capital(pick(NOUNS)) + capital(pick(NOUNS));
      out.append("=== RUN   ").append(name).append('\n');
      if (i == failing) {
        out.append("    ").append(pick(NOUNS)).append("_test.go:").append(20 + random.nextInt(300))
            .append(": got ").append(random.nextInt(9)).append(" ").append(pick(NOUNS)).append("s, want ")
            .append(random.nextInt(9)).append('\n');
        out.append("--- FAIL: ").append(name).append(String.format(Locale.ROOT, " (0.%02ds)\n", random.nextInt(100)));
      } else {
        out.append("--- PASS: ").append(name).append(String.format(Locale.ROOT, " (0.%02ds)\n", random.nextInt(100)));
      }
    }
    out.append(failOne ? "FAIL\n" : "PASS\n");
    out.append(failOne ? "FAIL" : "ok  ").append("\tgithub.com/steveyegge/gastown/internal/").append(pick(NOUNS))
        .append(String.format(Locale.ROOT, "\t%d.%03ds\n", random.nextInt(4), random.nextInt(1000)));
    return out.toString();
  }

  /** A unified diff of a few hunks. */
  String gitDiff(String path, int hunks) {
    StringBuilder out = new StringBuilder();
    out.append("diff --git a/").append(path).append(" b/").append(path).append('\n');
    out.append("--- a/").append(path).append("\n+++ b/").append(path).append('\n');
    int line = 10;
    for (int h = 0; h < hunks; h++) {
      line += 5 + random.nextInt(60);
      out.append("@@ -").append(line).append(",7 +").append(line).append(",8 @@ func (s *")
          .append(capital(pick(NOUNS))).append("Store) ").append(capital(pick(VERBS))).append("()\n");
      out.append(" \t").append(pick(NOUNS)).append(", err := s.").append(pick(VERBS)).append("(ctx, id)\n");
      out.append("-\tif err != nil {\n+\tif err != nil && !errors.Is(err, Err").append(capital(pick(NOUNS))).append("Gone) {\n");
      out.append("+\t\t// A ").append(pick(NOUNS)).append(" that is gone was ").append(pick(VERBS)).append("ed already.\n");
      out.append(" \t\treturn nil, err\n \t}\n");
    }
    return out.toString();
  }

  /** {@code gt polecat list <rig>}. */
  String polecatList(int polecats) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < polecats; i++) {
      boolean working = random.nextInt(3) > 0;
      out.append(String.format(
          Locale.ROOT,
          "%-9s %-8s %-9s %dm\n",
          POLECATS.get(i % POLECATS.size()), working ? "working" : "idle", working ? bead() : "-", random.nextInt(90)));
    }
    return out.toString();
  }

  /** {@code gt status}: every agent of the town. */
  String townStatus() {
    StringBuilder out = new StringBuilder("Town: gt (3 rigs)\n\nHQ\n  mayor    running  hq-mayor    up 3h\n  deacon   running  hq-deacon   up 3h\n\n");
    for (String rig : RIGS) {
      out.append(rig).append('\n');
      out.append("  witness   running  gt-").append(rig).append("-witness   up ").append(1 + random.nextInt(5)).append("h\n");
      out.append("  refinery  running  gt-").append(rig).append("-refinery  up ").append(1 + random.nextInt(5)).append("h\n");
      out.append(polecatList(2 + random.nextInt(5)).indent(2)).append('\n');
    }
    return out.toString();
  }

  /** A terminal as {@code gt peek} captures it. */
  String peek(String polecat, int lines) {
    StringBuilder out = new StringBuilder();
    out.append("── ").append(polecat).append(" (tmux capture, last ").append(lines).append(" lines) ──\n");
    for (int i = 0; i < lines; i++) {
      out.append(random.nextInt(5) == 0 ? "⏺ Bash(go test ./internal/" + pick(NOUNS) + "/...)" : "  ⎿  " + pick(VERBS) + "ing " + pick(NOUNS) + " " + bead())
          .append('\n');
    }
    return out.toString();
  }

  /** Words for an assistant's prose. */
  String sentence() {
    return capital(pick(VERBS)) + "ed the " + pick(NOUNS) + " for " + bead() + "; the " + pick(NOUNS) + " now "
        + pick(VERBS) + "s its " + pick(NOUNS) + "s before the " + pick(NOUNS) + " " + pick(VERBS) + "s.";
  }

  String paragraph(int sentences) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < sentences; i++) {
      out.append(i == 0 ? "" : " ").append(sentence());
    }
    return out.toString();
  }

  private static int numbered(StringBuilder out, int n, String text) {
    for (String line : text.split("\n", -1)) {
      out.append(String.format(Locale.ROOT, "%6d\t", n++)).append(line).append('\n');
    }
    return n;
  }

  static String capital(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
