package dev.gttrainset.sample;

import static dev.gttrainset.sample.Messages.answer;
import static dev.gttrainset.sample.Messages.sample;
import static dev.gttrainset.sample.Messages.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gttrainset.model.GtRole;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.model.Sample;
import dev.gttrainset.stats.StatKeys;
import dev.gttrainset.testing.TestPipelineExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class BalanceRolesTest {
  /** Half of the sessions go to validation. */
  private static final TrainValSplit SPLIT = new TrainValSplit(0.5);

  private static List<Sample> town() {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      samples.add(of(GtRole.MAYOR, "mayor-" + i));
    }
    for (int i = 0; i < 8; i++) {
      samples.add(of(GtRole.BOOT, "boot-" + i));
    }
    return samples;
  }

  private static Sample of(GtRole role, String session) {
    Sample s = sample(user("go " + session), answer("done with " + session)).toBuilder()
        .setSessionId(session)
        .setRole(RoleTag.create(role, "", "", "cwd"))
        .setSplit(SPLIT.of(session))
        .build();
    return s.toBuilder().setContentSha256(ContentHash.of(s)).build();
  }

  private static long train(List<Sample> samples, GtRole role) {
    return samples.stream().filter(s -> s.role().role() == role && SPLIT.of(s.sessionId()).equals("train")).count();
  }

  @Test
  void oversampleRepeatsOnlyTrainingSamplesOfRareRoles(TestPipeline pipeline) {
    List<Sample> town = town();
    long mayorTrain = train(town, GtRole.MAYOR);
    long bootTrain = train(town, GtRole.BOOT);
    long validation = town.size() - mayorTrain - bootTrain;
    PCollectionTuple balanced =
        pipeline.apply(Create.of(town)).apply(BalanceRoles.with(new RoleBalance(RoleBalance.Mode.OVERSAMPLE, Map.of())));

    PAssert.that(balanced.get(BalanceRoles.SAMPLES))
        .satisfies(
            out -> {
              Map<String, Long> copies = new TreeMap<>();
              for (Sample s : out) {
                String key = s.role().role().id() + "/" + SPLIT.of(s.sessionId()) + (s.repeatIndex() > 0 ? "/repeat" : "");
                copies.merge(key, 1L, Long::sum);
              }
              // Even targets: boot's training samples are repeated up to mayor's, exactly (the hash
              // decides which get the partial round); mayor and validation are untouched.
              assertEquals(mayorTrain, copies.get("mayor/train"));
              assertEquals(null, copies.get("mayor/train/repeat"));
              assertEquals(bootTrain, copies.get("boot/train"));
              assertEquals(mayorTrain, copies.get("boot/train") + copies.get("boot/train/repeat"));
              assertEquals(null, copies.get("boot/val/repeat"));
              assertEquals(validation, copies.get("mayor/val") + copies.get("boot/val"));
              return null;
            });
    PAssert.that(balanced.get(BalanceRoles.REJECTED)).empty();
    pipeline.run().waitUntilFinish();
  }

  @Test
  void capRejectsTheDominantRolesExcessByContentHash(TestPipeline pipeline) {
    List<Sample> town = town();
    long mayorTrain = train(town, GtRole.MAYOR);
    long bootTrain = train(town, GtRole.BOOT);
    PCollectionTuple balanced =
        pipeline.apply(Create.of(town)).apply(BalanceRoles.with(new RoleBalance(RoleBalance.Mode.CAP, Map.of())));

    PAssert.that(balanced.get(BalanceRoles.REJECTED))
        .satisfies(
            rejects -> {
              long capped = 0;
              for (var reject : rejects) {
                assertEquals(BalanceRoles.CAPPED, reject.getKey());
                assertEquals(GtRole.MAYOR, reject.getValue().role().role());
                capped++;
              }
              // Even targets: mayor is cut to boot's count, the hash deciding which stay.
              assertEquals(bootTrain, mayorTrain - capped, "capped " + capped + " of " + mayorTrain);
              return null;
            });
    PAssert.that(balanced.get(BalanceRoles.STATS).apply(Sum.longsPerKey()))
        .satisfies(
            stats -> {
              Map<String, Long> counts = new TreeMap<>();
              stats.forEach(kv -> counts.put(kv.getKey(), kv.getValue()));
              assertEquals(mayorTrain, counts.get(StatKeys.role("mayor", "train_before_balance")));
              assertEquals(bootTrain, counts.get(StatKeys.role("boot", "train_after_balance")));
              assertEquals(counts.get(StatKeys.rejected(BalanceRoles.CAPPED)), counts.get(StatKeys.SAMPLES_REJECTED));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }
}
