package dev.gttrainset.stats;

import dev.gttrainset.model.DeadLetter;
import dev.gttrainset.model.Sample;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Where every stage's statistics, rejects and dead letters go, in the manner of Beam's {@code
 * ErrorHandler}. A stage puts them on the three shared tags below; the job {@link #record}s the
 * stage's result once where it applies the stage, and takes each kind, flattened, once no stage is
 * left to add to it. So adding a stage touches the stage and one line of the job.
 */
public final class Ledger {
  /** Counts by {@link StatKeys} key; summed over the whole run into {@code stats.json}. */
  public static final TupleTag<KV<String, Long>> STATS = new TupleTag<>() {};
  /** Samples kept out of the datasets, by reason: written to {@code rejected.jsonl}. */
  public static final TupleTag<KV<String, Sample>> REJECTS = new TupleTag<>() {};
  /** Input that could not be read, with file and line: written to {@code dead_letters.jsonl}. */
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};

  private final Pipeline pipeline;
  private final Account<KV<String, Long>> stats = new Account<>("statistics");
  private final Account<KV<String, Sample>> rejects = new Account<>("rejects");
  private final Account<DeadLetter> deadLetters = new Account<>("dead letters");

  public Ledger(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  /** Takes a stage's statistics, rejects and dead letters, whichever it has; returns the result. */
  public PCollectionTuple record(PCollectionTuple result) {
    if (result.has(STATS)) {
      stats.add(result.get(STATS));
    }
    if (result.has(REJECTS)) {
      rejects.add(result.get(REJECTS));
    }
    if (result.has(DEAD_LETTERS)) {
      deadLetters.add(result.get(DEAD_LETTERS));
    }
    return result;
  }

  /** Statistics known before the job runs, such as what the sessions folder holds besides. */
  public void recordStats(PCollection<KV<String, Long>> known) {
    stats.add(known);
  }

  /** Every stage's statistics, once the last stage is recorded. */
  public PCollection<KV<String, Long>> stats() {
    return stats.close("AllStats", KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }

  /** Every stage's rejects; no stage may reject after this. */
  public PCollection<KV<String, Sample>> rejects() {
    return rejects.close("AllRejects", KvCoder.of(StringUtf8Coder.of(), Sample.SampleCoder.of()));
  }

  /** Every stage's dead letters; no stage may add one after this. */
  public PCollection<DeadLetter> deadLetters() {
    return deadLetters.close("AllDeadLetters", DeadLetter.DeadLetterCoder.of());
  }

  /** One kind of record: its collections until they are taken, flattened, once. */
  private final class Account<T> {
    private final String kind;
    private final List<PCollection<T>> parts = new ArrayList<>();
    private boolean closed;

    Account(String kind) {
      this.kind = kind;
    }

    void add(PCollection<T> part) {
      if (closed) {
        throw new IllegalStateException("the " + kind + " were taken before " + part.getName() + " was recorded");
      }
      parts.add(part);
    }

    PCollection<T> close(String name, Coder<T> coder) {
      if (closed) {
        throw new IllegalStateException("the " + kind + " are taken once");
      }
      closed = true;
      if (parts.isEmpty()) {
        return pipeline.apply(name, Create.empty(coder));
      }
      return PCollectionList.of(parts).apply(name, Flatten.pCollections());
    }
  }
}
