package dev.gttrainset.parse;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where the transcripts are: one or more folders or globs ({@code ~/.claude/projects}, each
 * account's {@code ~/.claude-accounts/<handle>/projects}), each with the folder its files' paths
 * are relative to. A transcript's place below its folder names its project and session, so every
 * file is read relative to the deepest folder that holds it.
 */
public final class SessionRoots implements Serializable {
  /** A file pattern ({@code /data/projects/**}) and the folder below which it matches. */
  public record Root(String pattern, String folder) implements Serializable {}

  private final List<Root> roots;

  private SessionRoots(List<Root> roots) {
    this.roots = List.copyOf(roots);
  }

  public static SessionRoots of(List<Root> roots) {
    if (roots.isEmpty()) {
      throw new IllegalArgumentException("no transcript folder");
    }
    return new SessionRoots(roots);
  }

  /** One folder or glob. */
  public static SessionRoots single(String pattern, String folder) {
    return of(List.of(new Root(pattern, folder)));
  }

  public List<Root> roots() {
    return roots;
  }

  public List<String> patterns() {
    List<String> patterns = new ArrayList<>();
    roots.forEach(root -> patterns.add(root.pattern()));
    return patterns;
  }

  /** A matched file's path below the deepest folder that holds it (the whole path when none does). */
  public String relative(String path) {
    return roots.stream()
        .map(Root::folder)
        .filter(folder -> path.startsWith(folder.endsWith("/") ? folder : folder + "/"))
        .max(Comparator.comparingInt(String::length))
        .map(folder -> TranscriptPath.relative(folder, path))
        .orElse(path);
  }

  /** The patterns, comma-separated, as the report and the console show the source. */
  public String describe() {
    return String.join(",", patterns());
  }
}
