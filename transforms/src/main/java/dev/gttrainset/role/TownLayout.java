package dev.gttrainset.role;

import com.google.auto.value.AutoValue;
import dev.gttrainset.model.GtRecord;
import dev.gttrainset.parse.TranscriptPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/**
 * Where the town was on the machine that recorded the sessions, and which rigs it has. Sessions are
 * usually read far from where they were recorded, so the roots come from hints: the town flag, the
 * events (a {@code session_start} names both a role and its cwd, which gives the root away) and
 * the rig folders of the town being read.
 */
@AutoValue
public abstract class TownLayout {
  private static final String ROOT_HINT = "root:";
  private static final String RIG_HINT = "rig:";
  private static final String PREFIX_HINT = "prefix:";

  /** Town roots as recorded, longest first, without trailing '/'. */
  public abstract List<String> roots();

  /** Rig names, sorted. */
  public abstract List<String> rigs();

  /**
   * Each rig's beads prefix, which names its agents' tmux sessions since February 2026 ({@code
   * gt-witness} is the witness of the rig whose prefix is {@code gt}): {@code prefix=rig}, sorted.
   */
  public abstract List<String> prefixes();

  public static TownLayout create(Collection<String> roots, Collection<String> rigs) {
    return create(roots, rigs, List.of());
  }

  /** This layout with more rigs, such as those the sessions' roles name. */
  public TownLayout withRigs(Collection<String> more) {
    List<String> all = new ArrayList<>(rigs());
    all.addAll(more);
    return create(roots(), all, prefixes());
  }

  /** @param prefixes {@code prefix=rig} pairs */
  public static TownLayout create(Collection<String> roots, Collection<String> rigs, Collection<String> prefixes) {
    List<String> sortedRoots = new ArrayList<>(new TreeSet<>(roots));
    sortedRoots.removeIf(String::isEmpty);
    sortedRoots.sort(Comparator.comparingInt(String::length).reversed());
    List<String> sortedRigs = new ArrayList<>(new TreeSet<>(rigs));
    sortedRigs.removeIf(String::isEmpty);
    List<String> sortedPrefixes = new ArrayList<>(new TreeSet<>(prefixes));
    sortedPrefixes.removeIf(pair -> pair.indexOf('=') <= 0 || pair.endsWith("="));
    return new AutoValue_TownLayout(List.copyOf(sortedRoots), List.copyOf(sortedRigs), List.copyOf(sortedPrefixes));
  }

  /** The rig whose beads prefix this is, from {@code <town>/mayor/rigs.json} or the cost records. */
  public static String prefixHint(String prefix, String rig) {
    return PREFIX_HINT + prefix + "=" + rig;
  }

  /** The rig of each prefix. */
  public Map<String, String> rigByPrefix() {
    Map<String, String> rigs = new TreeMap<>();
    for (String pair : prefixes()) {
      int equals = pair.indexOf('=');
      rigs.put(pair.substring(0, equals), pair.substring(equals + 1));
    }
    return rigs;
  }

  public static String rootHint(String root) {
    return ROOT_HINT + stripTrailingSlash(root);
  }

  public static String rigHint(String rig) {
    return RIG_HINT + rig;
  }

  /** A layout from hints written by {@link #rootHint} and {@link #rigHint}. */
  public static TownLayout fromHints(Collection<String> hints) {
    List<String> roots = new ArrayList<>();
    List<String> rigs = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    for (String hint : hints) {
      if (hint.startsWith(ROOT_HINT)) {
        roots.add(hint.substring(ROOT_HINT.length()));
      } else if (hint.startsWith(RIG_HINT)) {
        rigs.add(hint.substring(RIG_HINT.length()));
      } else if (hint.startsWith(PREFIX_HINT)) {
        prefixes.add(hint.substring(PREFIX_HINT.length()));
      }
    }
    return create(roots, rigs, prefixes);
  }

  /**
   * What a Gas Town record says about the layout: the rig of any address it carries, and for an
   * event naming both a role and a cwd, the root that cwd implies.
   */
  public static List<String> hintsOf(GtRecord record) {
    List<String> hints = new ArrayList<>();
    if (!record.rig().isEmpty()) {
      hints.add(rigHint(record.rig()));
      SessionNames.prefixOf(record).ifPresent(prefix -> hints.add(prefixHint(prefix, record.rig())));
    }
    Optional<RoleRules.Match> address = RoleAddress.parse(record.role());
    if (address.isEmpty()) {
      return hints;
    }
    if (!address.get().rig().isEmpty()) {
      hints.add(rigHint(address.get().rig()));
    }
    rootImpliedBy(address.get(), record.cwd()).ifPresent(root -> hints.add(rootHint(root)));
    return hints;
  }

  /** The root that puts {@code cwd} at the home of the addressed role, if it does. */
  static Optional<String> rootImpliedBy(RoleRules.Match address, String cwd) {
    List<String> home = homeOf(address);
    List<String> segments = segments(cwd);
    if (home.isEmpty() || segments.isEmpty()) {
      return Optional.empty();
    }
    for (int start = 0; start + home.size() <= segments.size(); start++) {
      if (segments.subList(start, start + home.size()).equals(home)) {
        return Optional.of("/" + String.join("/", segments.subList(0, start)));
      }
    }
    return Optional.empty();
  }

  private static List<String> homeOf(RoleRules.Match address) {
    String rig = address.rig();
    String worker = address.worker();
    switch (address.role()) {
      case MAYOR:
        return List.of("mayor");
      case BOOT:
        return List.of("deacon", "dogs", "boot");
      case DEACON:
        return List.of("deacon");
      case DOG:
        return worker.isEmpty() ? List.of() : List.of("deacon", "dogs", worker);
      case WITNESS:
        return rig.isEmpty() ? List.of() : List.of(rig, "witness");
      case REFINERY:
        return rig.isEmpty() ? List.of() : List.of(rig, "refinery");
      case CREW:
        return rig.isEmpty() || worker.isEmpty() ? List.of() : List.of(rig, "crew", worker);
      case POLECAT:
        return rig.isEmpty() || worker.isEmpty() ? List.of() : List.of(rig, "polecats", worker);
      default:
        return List.of();
    }
  }

  /** The role a working directory implies: below a known root, or anchored at a known rig. */
  public Optional<RoleRules.Match> matchPath(String cwd) {
    String path = stripTrailingSlash(cwd);
    if (path.isEmpty()) {
      return Optional.empty();
    }
    for (String root : roots()) {
      if (path.equals(root) || path.startsWith(root + "/")) {
        return RoleRules.first(RoleRules.PATHS, segments(path.substring(root.length())));
      }
    }
    return matchAtRig(segments(path));
  }

  /**
   * The role an encoded project folder implies. Claude Code names the folder after the cwd with
   * every character but letters and digits replaced by '-', e.g. {@code -home-ubuntu-gt-mayor}.
   */
  public Optional<RoleRules.Match> matchProjectDir(String projectDir) {
    if (projectDir.isEmpty()) {
      return Optional.empty();
    }
    for (String root : roots()) {
      String encodedRoot = TranscriptPath.encode(root);
      if (projectDir.equals(encodedRoot)) {
        return Optional.empty();
      }
      if (projectDir.startsWith(encodedRoot + "-")) {
        return RoleRules.first(
            RoleRules.PATHS, decodedSegments(projectDir.substring(encodedRoot.length() + 1)));
      }
    }
    return matchAtRig(decodedSegments(projectDir));
  }

  private Optional<RoleRules.Match> matchAtRig(List<String> segments) {
    for (int start = 0; start < segments.size(); start++) {
      if (!rigs().contains(segments.get(start))) {
        continue;
      }
      List<String> rest = segments.subList(start, segments.size());
      for (RoleRules.Rule rule : RoleRules.PATHS) {
        if (rule.isRigScoped() && rule.pattern().match(rest).isPresent()) {
          return RoleRules.first(List.of(rule), rest);
        }
      }
    }
    return Optional.empty();
  }

  /** Splits an encoded folder name, keeping known rig names whole even when they hold '-'. */
  private List<String> decodedSegments(String encoded) {
    List<String> segments = new ArrayList<>();
    String rest = encoded;
    while (!rest.isEmpty()) {
      String next = null;
      for (String rig : rigs()) {
        String encodedRig = TranscriptPath.encode(rig);
        if (rest.equals(encodedRig) || rest.startsWith(encodedRig + "-")) {
          next = rig;
          rest = rest.substring(Math.min(rest.length(), encodedRig.length() + 1));
          break;
        }
      }
      if (next == null) {
        int dash = rest.indexOf('-');
        next = dash < 0 ? rest : rest.substring(0, dash);
        rest = dash < 0 ? "" : rest.substring(dash + 1);
      }
      if (!next.isEmpty()) {
        segments.add(next);
      }
    }
    return segments;
  }

  private static List<String> segments(String path) {
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(segment);
      }
    }
    return segments;
  }

  private static String stripTrailingSlash(String path) {
    String stripped = path;
    while (stripped.length() > 1 && stripped.endsWith("/")) {
      stripped = stripped.substring(0, stripped.length() - 1);
    }
    return stripped;
  }

  /** Explicit, deterministic encoding: the three sorted lists. */
  public static final class TownLayoutCoder extends AtomicCoder<TownLayout> {
    private static final TownLayoutCoder INSTANCE = new TownLayoutCoder();
    private static final ListCoder<String> STRINGS = ListCoder.of(StringUtf8Coder.of());

    public static TownLayoutCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(TownLayout value, OutputStream out) throws IOException {
      STRINGS.encode(value.roots(), out);
      STRINGS.encode(value.rigs(), out);
      STRINGS.encode(value.prefixes(), out);
    }

    @Override
    public TownLayout decode(InputStream in) throws IOException {
      return create(STRINGS.decode(in), STRINGS.decode(in), STRINGS.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
