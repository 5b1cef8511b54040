package dev.gttrainset.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SessionRootsTest {
  private final SessionRoots roots =
      SessionRoots.of(List.of(
          new SessionRoots.Root("/home/u/.claude/projects/**", "/home/u/.claude/projects"),
          new SessionRoots.Root("/home/u/.claude-accounts/a/projects/**", "/home/u/.claude-accounts/a/projects"),
          new SessionRoots.Root("/data/*/projects/**", "/data")));

  @Test
  void aFileIsReadBelowTheFolderThatHoldsIt() {
    assertEquals("-home-u-gt-mayor/s1.jsonl", roots.relative("/home/u/.claude/projects/-home-u-gt-mayor/s1.jsonl"));
    assertEquals("-home-u-gt-deacon/s2.jsonl", roots.relative("/home/u/.claude-accounts/a/projects/-home-u-gt-deacon/s2.jsonl"));
    assertEquals("x/projects/p/s3.jsonl", roots.relative("/data/x/projects/p/s3.jsonl"));
    assertEquals("/elsewhere/s4.jsonl", roots.relative("/elsewhere/s4.jsonl"));
  }

  @Test
  void theDeepestFolderWins() {
    SessionRoots nested = SessionRoots.of(List.of(
        new SessionRoots.Root("/t/**", "/t"), new SessionRoots.Root("/t/inner/**", "/t/inner")));
    assertEquals("p/s.jsonl", nested.relative("/t/inner/p/s.jsonl"));
    assertEquals("/t/**,/t/inner/**", nested.describe());
  }
}
