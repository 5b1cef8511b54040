package dev.gttrainset.scrub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gttrainset.stats.Counters;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The people a session shows are learned from what its tools print, and scrubbed as words. */
class PeopleTest {
  private static Map<String, String> learned(String text) {
    Map<String, String> found = new TreeMap<>();
    People.learn(text, found);
    return found;
  }

  @Test
  void learnsFullNamesFromAuthorOwnerAndGitConfigLines() {
    assertEquals(
        Map.of("Ada Quill", People.FULL_NAME),
        learned("commit 81aee64\nAuthor: Ada Quill <ada@quill.dev>\nDate:   Wed Jan 21 11:48:11 2026"));
    assertEquals(Map.of("Brin Olsen", People.FULL_NAME), learned("Owner: Brin Olsen \u00b7 Type: task"));
    assertEquals(Map.of("Cato Vel", People.FULL_NAME), learned("$ git config user.name\nCato Vel\n$ git config --get user.name \"Cato Vel\""));
    assertEquals(Map.of("Dara Moe", People.FULL_NAME), learned("[user]\n\tname = Dara Moe\n\temail = d@x.io"));
  }

  @Test
  void learnsLoginsFromLsAndGh() {
    assertEquals(
        Map.of("qzara", People.LOGIN),
        learned("drwxr-xr-x  5 qzara  staff  160 Jan 21 10:59 notes\n-rw-r--r--@ 1 qzara  staff  513 Jan 21 11:48 a.json"));
    assertEquals(
        Map.of("quillada", People.LOGIN, "Ada Quill", People.FULL_NAME),
        learned("{\"login\": \"quillada\", \"id\": 1, \"name\": \"Ada Quill\", \"company\": null}"));
  }

  @Test
  void readsTheSameWayInAnyCaseAndAtAnyLength() {
    assertEquals(Map.of("Ada Quill", People.FULL_NAME), learned("REVIEWED-BY: Ada Quill"));
    String log = "$ go test ./...\nok  \tgastown/internal/mail\t0.41s\n".repeat(6_000);
    assertTrue(log.length() > 200_000);
    assertEquals(Map.of("Ada Quill", People.FULL_NAME), learned(log + "Reviewed-by: Ada Quill\n" + log));
    assertEquals(Map.of(), learned(log + "services:\n  name = Brin Olsen\n"), "a name line outside git's [user] names no one");
    assertEquals(Map.of("Brin Olsen", People.FULL_NAME), learned(log + "[user]\n  name = Brin Olsen\n"));
  }

  @Test
  void leavesAccountsThatNameNoOneAndCodeAlone() {
    assertEquals(Map.of(), learned("drwxr-xr-x 2 root root 4096 Jan 1 bin\n-rw-r--r-- 1 ubuntu ubuntu 12 Jan 1 x"));
    assertEquals(Map.of(), learned("Author: &object.Signature{\n\tAuthor:    sig,\nauthor: %w"));
    assertEquals(Map.of(), learned("Co-Authored-By: Claude <noreply@anthropic.com>"));
    assertEquals(Map.of(), learned("\tcfg.User.Name = \"Test User\""));
  }

  @Test
  void scrubsLoginsAndNamesAsWordsInEitherVoice() {
    Scrubber scrubber = Scrubber.withDefaultRules().withPeople(Map.of("qzara", People.LOGIN, "Ada Quill", People.FULL_NAME));
    Counters redactions = new Counters();
    String read = scrubber.scrub("ls: qzara staff; branch qzara/fix-auth by Qzara, ADA QUILL wrote it; qzarax stays", Voice.READ, redactions);
    assertEquals("ls: user staff; branch user/fix-auth by user, <name> wrote it; qzarax stays", read);
    assertEquals(3L, redactions.get(People.LOGIN));
    assertEquals(1L, redactions.get(People.FULL_NAME));
    assertEquals("cd /home/user/x; git checkout user/fix", scrubber.scrub("cd /home/qzara/x; git checkout qzara/fix", Voice.WRITTEN, new Counters()));
    assertEquals("-home-user-gt/s.jsonl", scrubber.scrub("-home-qzara-gt/s.jsonl", new Counters()));
  }

  @Test
  void theLoginOfAHomeFolder() {
    assertEquals("qzara", People.loginOfHome("/Users/qzara/Work/cli"));
    assertEquals("qzara", People.loginOfHome("/home/qzara"));
    assertEquals("", People.loginOfHome("/srv/app"));
    assertTrue(People.isPersonalLogin("qzara"));
    assertFalse(People.isPersonalLogin("ubuntu"));
    assertFalse(People.isPersonalLogin("USER"));
  }
}
