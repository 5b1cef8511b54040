package dev.gttrainset.sample;

import dev.gttrainset.model.Sample;
import dev.gttrainset.sideinput.ReadOnce;
import dev.gttrainset.stats.StatKeys;
import java.util.Map;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Balances the roles of the training samples ({@link RoleBalance}): the roles' counts meet in a
 * side input, and each sample, where it is, is kept, capped away (a reject with the reason {@value
 * #CAPPED}) or written again with {@code repeat_index} 1, 2, ... Validation samples pass as they
 * are. Counts before and after go to the statistics for the report.
 */
public final class BalanceRoles extends PTransform<PCollection<Sample>, PCollectionTuple> {
  public static final TupleTag<Sample> SAMPLES = new TupleTag<>() {};
  /** Reject reason to the sample. */
  public static final TupleTag<KV<String, Sample>> REJECTED = new TupleTag<>() {};

  public static final TupleTag<KV<String, Long>> STATS = new TupleTag<>() {};

  public static final String CAPPED = "balance-cap";

  private final RoleBalance balance;
  private final TrainValSplit split;

  private BalanceRoles(RoleBalance balance, TrainValSplit split) {
    this.balance = balance;
    this.split = split;
  }

  public static BalanceRoles with(RoleBalance balance, TrainValSplit split) {
    return new BalanceRoles(balance, split);
  }

  @Override
  public PCollectionTuple expand(PCollection<Sample> samples) {
    TrainValSplit sessions = split;
    PCollectionView<Map<String, Long>> trainCounts =
        samples
            .apply("TrainSamples", Filter.by((Sample s) -> sessions.of(s.sessionId()).equals(TrainValSplit.TRAIN)))
            .apply("RoleOfEach", MapElements.into(TypeDescriptors.strings()).via((Sample s) -> s.role().role().id()))
            .apply("CountByRole", Count.perElement())
            .apply("TrainCountsByRole", View.asMap());
    return samples.apply(
        "KeepCapOrRepeat",
        ParDo.of(new BalanceFn(balance, split, trainCounts))
            .withSideInputs(trainCounts)
            .withOutputTags(SAMPLES, TupleTagList.of(REJECTED).and(STATS)));
  }

  private static final class BalanceFn extends DoFn<Sample, Sample> {
    private final RoleBalance balance;
    private final TrainValSplit split;
    private final PCollectionView<Map<String, Long>> trainCounts;
    private final ReadOnce<Map<String, Long>> counts = new ReadOnce<>();

    BalanceFn(RoleBalance balance, TrainValSplit split, PCollectionView<Map<String, Long>> trainCounts) {
      this.balance = balance;
      this.split = split;
      this.trainCounts = trainCounts;
    }

    @ProcessElement
    public void process(@Element Sample sample, ProcessContext context, MultiOutputReceiver out) {
      if (!split.of(sample.sessionId()).equals(TrainValSplit.TRAIN)) {
        out.get(SAMPLES).output(sample);
        return;
      }
      String role = sample.role().role().id();
      int copies =
          balance.copies(role, RoleBalance.position(sample.contentSha256()), counts.get(() -> context.sideInput(trainCounts)));
      stat(out, StatKeys.role(role, "train_before_balance"), 1);
      stat(out, StatKeys.role(role, "train_after_balance"), copies);
      if (copies == 0) {
        out.get(REJECTED).output(KV.of(CAPPED, sample));
        stat(out, StatKeys.SAMPLES_REJECTED, 1);
        stat(out, StatKeys.rejected(CAPPED), 1);
        stat(out, StatKeys.role(role, "rejected"), 1);
        return;
      }
      for (int repeat = 0; repeat < copies; repeat++) {
        out.get(SAMPLES).output(repeat == 0 ? sample : sample.toBuilder().setRepeatIndex(repeat).build());
      }
      if (copies > 1) {
        stat(out, StatKeys.SAMPLES_REPEATED, copies - 1);
        stat(out, StatKeys.role(role, "repeated"), copies - 1);
      }
    }

    private static void stat(MultiOutputReceiver out, String key, long count) {
      out.get(STATS).output(KV.of(key, count));
    }
  }
}
