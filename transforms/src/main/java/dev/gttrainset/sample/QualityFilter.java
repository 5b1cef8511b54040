package dev.gttrainset.sample;

import dev.gttrainset.model.Sample;
import dev.gttrainset.stats.CountingFn;
import dev.gttrainset.stats.Ledger;
import dev.gttrainset.stats.StatKeys;
import java.util.Optional;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/** Keeps a sample (with its quality flags) or rejects it with a reason ({@link QualityRules}). */
public final class QualityFilter extends PTransform<PCollection<Sample>, PCollectionTuple> {
  public static final TupleTag<Sample> KEPT = new TupleTag<>() {};
  /** Reject reason to the rejected sample. */
  public static final TupleTag<KV<String, Sample>> REJECTED = Ledger.REJECTS;

  public static final TupleTag<KV<String, Long>> STATS = Ledger.STATS;

  private final QualityRules rules;

  private QualityFilter(QualityRules rules) {
    this.rules = rules;
  }

  public static QualityFilter of(QualityRules rules) {
    return new QualityFilter(rules);
  }

  @Override
  public PCollectionTuple expand(PCollection<Sample> samples) {
    return samples.apply(
        "KeepOrReject",
        ParDo.of(new FilterFn(rules)).withOutputTags(KEPT, TupleTagList.of(REJECTED).and(STATS)));
  }

  private static final class FilterFn extends CountingFn<Sample, Sample> {
    private final QualityRules rules;

    FilterFn(QualityRules rules) {
      this.rules = rules;
    }

    @ProcessElement
    public void process(@Element Sample sample, MultiOutputReceiver out) {
      Sample flagged = sample.toBuilder().setQualityFlags(QualityRules.flags(sample)).build();
      Optional<String> reason = rules.rejectReason(flagged);
      if (reason.isEmpty()) {
        out.get(KEPT).output(flagged);
        return;
      }
      out.get(REJECTED).output(KV.of(reason.get(), flagged));
      counters().increment(StatKeys.SAMPLES_REJECTED);
      counters().increment(StatKeys.rejected(reason.get()));
      counters().increment(StatKeys.role(flagged.role().role().id(), "rejected"));
    }
  }
}
