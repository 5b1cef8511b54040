package dev.gttrainset.sample;

import dev.gttrainset.model.DedupCandidate;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.values.KV;

/**
 * The similar pairs among candidates that share band keys. In each bucket of one band key, in
 * survivor order, every candidate is compared with the bucket's earlier representatives: similar
 * to one, it is paired with it; else it becomes one. So each candidate finds at most one partner
 * per bucket, the earliest, whatever the bucket's size, and the pairs are the same in any order.
 */
final class SimilarPairs implements Serializable {
  private static final Comparator<KV<Long, DedupCandidate>> BY_KEY_THEN_SURVIVOR_FIRST =
      Comparator.comparing((KV<Long, DedupCandidate> c) -> c.getKey())
          .thenComparing(KV::getValue, DedupCandidate.SURVIVOR_FIRST);

  private final double threshold;

  SimilarPairs(double threshold) {
    this.threshold = threshold;
  }

  /**
   * @param members each candidate with one of its band keys
   * @return (earlier representative, later candidate) for every candidate similar to one
   */
  List<KV<DedupCandidate, DedupCandidate>> among(List<KV<Long, DedupCandidate>> members) {
    List<KV<Long, DedupCandidate>> sorted = new ArrayList<>(members);
    sorted.sort(BY_KEY_THEN_SURVIVOR_FIRST);
    List<KV<DedupCandidate, DedupCandidate>> pairs = new ArrayList<>();
    List<DedupCandidate> representatives = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      if (i == 0 || !sorted.get(i).getKey().equals(sorted.get(i - 1).getKey())) {
        representatives.clear();
      }
      DedupCandidate member = sorted.get(i).getValue();
      DedupCandidate partner = partnerOf(member, representatives);
      if (partner == null) {
        representatives.add(member);
      } else {
        pairs.add(KV.of(partner, member));
      }
    }
    return pairs;
  }

  private DedupCandidate partnerOf(DedupCandidate member, List<DedupCandidate> representatives) {
    for (DedupCandidate representative : representatives) {
      if (MinHash.similarity(member.signature(), representative.signature()) >= threshold) {
        return representative;
      }
    }
    return null;
  }
}
