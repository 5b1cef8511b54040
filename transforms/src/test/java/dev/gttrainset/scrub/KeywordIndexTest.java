package dev.gttrainset.scrub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordIndexTest {
  private static final List<ScrubRule> RULES =
      List.of(
          ScrubRule.builder("token", "x").keywords("token", "bearer").build(),
          ScrubRule.builder("at", "x").keywords("@").build(),
          ScrubRule.builder("always", "x").build(),
          ScrubRule.builder("key", "x").keywords("sk-").build());
  private static final KeywordIndex INDEX = new KeywordIndex(RULES);

  private static List<String> candidates(String text) {
    BitSet rules = INDEX.candidates(text);
    return rules.stream().mapToObj(i -> RULES.get(i).id()).toList();
  }

  @Test
  void findsKeywordsInAnyCaseAnywhere() {
    assertEquals(List.of("always"), candidates(""));
    assertEquals(List.of("always"), candidates("tok en, bear"));
    assertEquals(List.of("token", "always"), candidates("Authorization: BEARER"));
    assertEquals(List.of("token", "always", "key"), candidates("é€sK-ü then a ToKeN"));
    assertEquals(List.of("at", "always"), candidates("@"));
    assertEquals(List.of("token", "at", "always", "key"), candidates("sk- a@b token"));
  }

  @Test
  void groupsOfWordsAreCandidatesAsRulesAre() {
    KeywordIndex groups = KeywordIndex.ofGroups(List.of(List.of("author", "owner"), List.of("[user]"), List.of()));
    assertEquals(List.of(0, 2), groups.candidates("Code OWNERS: x").stream().boxed().toList());
    assertEquals(List.of(1, 2), groups.candidates("[User]\n name = y").stream().boxed().toList());
    assertEquals(List.of(2), groups.candidates("auth or own").stream().boxed().toList());
  }

  @Test
  void keywordsMustBeAscii() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new KeywordIndex(List.of(ScrubRule.builder("odd", "x").keywords("ключ").build())));
    assertEquals("rule odd: keyword 'ключ' is not ASCII", e.getMessage());
  }
}
