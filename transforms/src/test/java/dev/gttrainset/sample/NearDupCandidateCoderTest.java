package dev.gttrainset.sample;

import static dev.gttrainset.sample.Messages.answer;
import static dev.gttrainset.sample.Messages.sample;
import static dev.gttrainset.sample.Messages.user;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gttrainset.model.DedupCandidate;
import dev.gttrainset.model.NearDupCandidate;
import dev.gttrainset.model.NearDupCandidate.NearDupCandidateCoder;
import dev.gttrainset.model.Sample;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NearDupCandidateCoderTest {
  private static NearDupCandidate candidate() {
    Sample s = sample(user("patrol"), answer("Patrol done: all 12 agents are healthy."));
    s = s.toBuilder().setContentSha256(ContentHash.of(s)).build();
    return NearDupCandidate.create(DedupCandidate.of(s), MinHash.signature(MinHash.assistantText(s)));
  }

  private static byte[] encode(NearDupCandidate candidate) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    NearDupCandidateCoder.of().encode(candidate, out);
    return out.toByteArray();
  }

  @Test
  void aCandidateComesBackAsItWentWithTheSameBytesEachTime() throws IOException {
    NearDupCandidate candidate = candidate();
    byte[] bytes = encode(candidate);
    NearDupCandidate back = NearDupCandidateCoder.of().decode(new ByteArrayInputStream(bytes));
    assertEquals(candidate, back);
    assertArrayEquals(candidate.signature(), back.signature());
    assertArrayEquals(bytes, encode(back));
  }

  @Test
  void aCutSignatureIsAnErrorNotZeros() throws IOException {
    byte[] bytes = encode(candidate());
    byte[] cut = Arrays.copyOf(bytes, bytes.length - 3);
    assertThrows(EOFException.class, () -> NearDupCandidateCoder.of().decode(new ByteArrayInputStream(cut)));
  }
}
