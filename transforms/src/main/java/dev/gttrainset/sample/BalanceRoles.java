package dev.gttrainset.sample;

import dev.gttrainset.model.Sample;
import dev.gttrainset.sideinput.ReadOnce;
import dev.gttrainset.stats.Ledger;
import dev.gttrainset.stats.StatKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.GroupByKey;
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
 * side input, the places by content hash of each role's samples (eight bytes each) are grouped to
 * find where its partial round ends, and each sample, where it is, is kept, capped away (a reject
 * with the reason {@value #CAPPED}) or written again with {@code repeat_index} 1, 2, ... Validation samples pass as they
 * are. Counts before and after go to the statistics for the report.
 */
public final class BalanceRoles extends PTransform<PCollection<Sample>, PCollectionTuple> {
  public static final TupleTag<Sample> SAMPLES = new TupleTag<>() {};
  /** Reject reason to the sample. */
  public static final TupleTag<KV<String, Sample>> REJECTED = Ledger.REJECTS;

  public static final TupleTag<KV<String, Long>> STATS = Ledger.STATS;

  public static final String CAPPED = "balance-cap";

  private final RoleBalance balance;

  private BalanceRoles(RoleBalance balance) {
    this.balance = balance;
  }

  public static BalanceRoles with(RoleBalance balance) {
    return new BalanceRoles(balance);
  }

  @Override
  public PCollectionTuple expand(PCollection<Sample> samples) {
    PCollection<KV<String, Long>> places =
        samples
            .apply("TrainSamples", Filter.by((Sample s) -> s.split().equals(TrainValSplit.TRAIN)))
            .apply(
                "RoleAndPlace",
                MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
                    .via((Sample s) -> KV.of(s.role().role().id(), RoleBalance.place(s.contentSha256()))));
    PCollectionView<Map<String, Long>> trainCounts =
        places.apply("CountByRole", Count.perKey()).apply("TrainCountsByRole", View.asMap());
    PCollectionView<Map<String, Long>> lastPlaces =
        places
            .apply("PlacesByRole", GroupByKey.create())
            .apply("LastPlaceOfPartialRound", ParDo.of(new LastPlaceFn(balance, trainCounts)).withSideInputs(trainCounts))
            .apply("LastPlacesByRole", View.asMap());
    return samples.apply(
        "KeepCapOrRepeat",
        ParDo.of(new BalanceFn(balance, trainCounts, lastPlaces))
            .withSideInputs(trainCounts, lastPlaces)
            .withOutputTags(SAMPLES, TupleTagList.of(REJECTED).and(STATS)));
  }

  /**
   * The highest place ({@link RoleBalance#place}) in a role's partial round: its samples at or
   * below it get the extra copy, so exactly {@link RoleBalance#partialRound} of them do. A role
   * without a partial round has none.
   */
  private static final class LastPlaceFn extends DoFn<KV<String, Iterable<Long>>, KV<String, Long>> {
    private final RoleBalance balance;
    private final PCollectionView<Map<String, Long>> trainCounts;
    private final ReadOnce<Map<String, Double>> ratios = new ReadOnce<>();

    LastPlaceFn(RoleBalance balance, PCollectionView<Map<String, Long>> trainCounts) {
      this.balance = balance;
      this.trainCounts = trainCounts;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<Long>> role, ProcessContext context, OutputReceiver<KV<String, Long>> out) {
      double ratio = ratios.get(() -> balance.ratios(context.sideInput(trainCounts))).getOrDefault(role.getKey(), 1.0);
      List<Long> places = new ArrayList<>();
      role.getValue().forEach(places::add);
      long partial = RoleBalance.partialRound(ratio, places.size());
      if (partial > 0) {
        places.sort(null);
        out.output(KV.of(role.getKey(), places.get((int) partial - 1)));
      }
    }
  }

  private static final class BalanceFn extends DoFn<Sample, Sample> {
    private final RoleBalance balance;
    private final PCollectionView<Map<String, Long>> trainCounts;
    private final PCollectionView<Map<String, Long>> lastPlaces;
    private final ReadOnce<Map<String, Double>> ratios = new ReadOnce<>();
    private final ReadOnce<Map<String, Long>> lastPlace = new ReadOnce<>();

    BalanceFn(
        RoleBalance balance,
        PCollectionView<Map<String, Long>> trainCounts,
        PCollectionView<Map<String, Long>> lastPlaces) {
      this.balance = balance;
      this.trainCounts = trainCounts;
      this.lastPlaces = lastPlaces;
    }

    @ProcessElement
    public void process(@Element Sample sample, ProcessContext context, MultiOutputReceiver out) {
      if (!sample.split().equals(TrainValSplit.TRAIN)) {
        out.get(SAMPLES).output(sample);
        return;
      }
      String role = sample.role().role().id();
      double ratio = ratios.get(() -> balance.ratios(context.sideInput(trainCounts))).getOrDefault(role, 1.0);
      Long last = lastPlace.get(() -> context.sideInput(lastPlaces)).get(role);
      int copies = RoleBalance.copies(ratio, last != null && RoleBalance.place(sample.contentSha256()) <= last);
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
