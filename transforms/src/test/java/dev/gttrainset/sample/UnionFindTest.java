package dev.gttrainset.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UnionFindTest {
  private static Set<Set<String>> asSets(UnionFind<String> sets) {
    return sets.sets().stream().map(Set::copyOf).collect(Collectors.toSet());
  }

  @Test
  void pairsThatShareAMemberAreOneSetAndOthersStayApart() {
    UnionFind<String> sets = new UnionFind<>();
    sets.union("a", "b");
    sets.union("c", "d");
    sets.union("b", "c");
    sets.union("x", "y");
    assertEquals(Set.of(Set.of("a", "b", "c", "d"), Set.of("x", "y")), asSets(sets));
    assertEquals(sets.root("a"), sets.root("d"));
    assertNotEquals(sets.root("a"), sets.root("x"));
  }

  @Test
  void aKeyJoinedWithItselfIsASetOfOne() {
    UnionFind<String> sets = new UnionFind<>();
    sets.union("a", "a");
    assertEquals(List.of(List.of("a")), sets.sets());
  }

  @Test
  void aLongChainIsOneSetListedInTheOrderItsKeysCame() {
    UnionFind<String> sets = new UnionFind<>();
    IntStream.range(0, 10_000).forEach(i -> sets.union("k" + (i + 1), "k" + i));
    List<List<String>> all = sets.sets();
    assertEquals(1, all.size());
    assertEquals(10_001, all.get(0).size());
    assertEquals(List.of("k1", "k0", "k2"), all.get(0).subList(0, 3));
  }
}
