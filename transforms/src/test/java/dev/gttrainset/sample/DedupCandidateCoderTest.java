package dev.gttrainset.sample;

import static dev.gttrainset.sample.Messages.answer;
import static dev.gttrainset.sample.Messages.sample;
import static dev.gttrainset.sample.Messages.user;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gttrainset.model.DedupCandidate;
import dev.gttrainset.model.DedupCandidate.DedupCandidateCoder;
import dev.gttrainset.model.Sample;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DedupCandidateCoderTest {
  private static DedupCandidate candidate() {
    Sample s = sample(user("patrol"), answer("Patrol done: all 12 agents are healthy."));
    s = s.toBuilder().setContentSha256(ContentHash.of(s)).build();
    return DedupCandidate.of(s, true, MinHash.signature(MinHash.assistantText(s)));
  }

  private static byte[] encode(DedupCandidate candidate) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DedupCandidateCoder.of().encode(candidate, out);
    return out.toByteArray();
  }

  @Test
  void aCandidateComesBackAsItWentWithTheSameBytesEachTime() throws IOException {
    DedupCandidate candidate = candidate();
    byte[] bytes = encode(candidate);
    DedupCandidate back = DedupCandidateCoder.of().decode(new ByteArrayInputStream(bytes));
    assertEquals(candidate, back);
    assertArrayEquals(candidate.signature(), back.signature());
    assertArrayEquals(bytes, encode(back));
  }

  @Test
  void aCutSignatureIsAnErrorNotZeros() throws IOException {
    byte[] bytes = encode(candidate());
    byte[] cut = Arrays.copyOf(bytes, bytes.length - 3);
    assertThrows(EOFException.class, () -> DedupCandidateCoder.of().decode(new ByteArrayInputStream(cut)));
  }
}
