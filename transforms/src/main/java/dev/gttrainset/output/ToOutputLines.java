package dev.gttrainset.output;

import dev.gttrainset.gate.Leak;
import dev.gttrainset.gate.OutputGate;
import dev.gttrainset.model.DeadLetter;
import dev.gttrainset.model.OutputLine;
import dev.gttrainset.model.Sample;
import dev.gttrainset.stats.Counters;
import dev.gttrainset.stats.CountingFn;
import dev.gttrainset.stats.Ledger;
import dev.gttrainset.stats.StatKeys;
import dev.gttrainset.tools.ToolTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Turns what the job keeps into lines of named output files: samples into {@code
 * <role>_<split>}, rejects into {@code rejects}, dead letters into {@code dead_letters}. Every line
 * passes the leak gate ({@link OutputGate}) as it is rendered, so the gate reads exactly what is
 * written, and a quarantined sample is counted as a reject, never as written.
 */
public final class ToOutputLines {
  public static final TupleTag<OutputLine> LINES = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> STATS = Ledger.STATS;

  public static final String REJECTS_FILE = "rejects";
  public static final String DEAD_LETTERS_FILE = "dead_letters";
  /** {@code mayor_train.meta.jsonl} beside {@code mayor_train.jsonl}. */
  public static final String METADATA_SUFFIX = ".meta";

  private ToOutputLines() {}

  /** Renders samples into the file of their role and split; counts what is written. */
  public static PTransform<PCollection<Sample>, PCollectionTuple> samples(
      Records records, OutputGate gate, PCollectionView<ToolTable> tools) {
    return render("SplitAndRender", new RenderSampleFn(records, gate, tools), tools);
  }

  /** Rejects carry the split their session has, so a reader can tell where they would be. */
  public static PTransform<PCollection<KV<String, Sample>>, PCollectionTuple> rejects(
      Records records, OutputGate gate, PCollectionView<ToolTable> tools) {
    return render("RenderRejects", new RenderRejectFn(records, gate, tools), tools);
  }

  public static PTransform<PCollection<DeadLetter>, PCollectionTuple> deadLetters(OutputGate gate) {
    return render("RenderDeadLetters", new RenderDeadLetterFn(gate));
  }

  private static <T> PTransform<PCollection<T>, PCollectionTuple> render(
      String name, DoFn<T, OutputLine> fn, PCollectionView<?>... sideInputs) {
    return new PTransform<>(name) {
      @Override
      public PCollectionTuple expand(PCollection<T> input) {
        return input.apply(
            name, ParDo.of(fn).withSideInputs(sideInputs).withOutputTags(LINES, TupleTagList.of(STATS)));
      }
    };
  }

  /** The file a sample goes to, e.g. {@code mayor_train}. */
  public static String fileOf(Sample sample) {
    return sample.role().role().id() + "_" + sample.split();
  }

  /** The file beside a dataset file that holds its lines' metadata, line for line. */
  public static String metadataFileOf(String datasetFile) {
    return datasetFile + METADATA_SUFFIX;
  }

  /** Counts the leak gate's findings by rule. */
  private static void countLeaks(List<Leak> leaks, Counters counters) {
    counters.add(StatKeys.LEAK_GATE_FINDINGS, leaks.size());
    for (Leak leak : leaks) {
      counters.add(StatKeys.leakGateRule(leak.rule), 1L);
    }
  }

  /** A withheld line, once more through the gate: if even its own fields hold a leak, the findings alone. */
  private static String stillClean(OutputGate gate, String withheld, String reason, List<Leak> leaks) {
    return gate.check(withheld).isEmpty() ? withheld : Records.findingsOnly(reason, leaks);
  }

  /** What rendering a sample takes: the record shape, the gate, and the run's tool table. */
  private abstract static class RenderFn<T> extends CountingFn<T, OutputLine> {
    final Records records;
    final OutputGate gate;
    final PCollectionView<ToolTable> tools;

    RenderFn(Records records, OutputGate gate, PCollectionView<ToolTable> tools) {
      this.records = records;
      this.gate = gate;
      this.tools = tools;
    }
  }

  private static final class RenderSampleFn extends RenderFn<Sample> {
    private final Counter written = Metrics.counter("gt-trainset", "samples_written");
    private final Counter quarantined = Metrics.counter("gt-trainset", "samples_quarantined");

    RenderSampleFn(Records records, OutputGate gate, PCollectionView<ToolTable> tools) {
      super(records, gate, tools);
    }

    @ProcessElement
    public void process(@Element Sample sample, MultiOutputReceiver out, ProcessContext context) {
      String role = sample.role().role().id();
      Records.Lines lines = records.sample(sample, context.sideInput(tools));
      List<Leak> leaks = new ArrayList<>(gate.check(lines.record));
      if (lines.metadata != null) {
        leaks.addAll(gate.check(lines.metadata));
      }
      if (!leaks.isEmpty()) {
        countLeaks(leaks, counters());
        if (gate.quarantines()) {
          String withheld = stillClean(gate, Records.withheld(OutputGate.REASON, sample, leaks), OutputGate.REASON, leaks);
          out.get(LINES).output(OutputLine.create(REJECTS_FILE, sample.orderKey(), withheld));
          counters().increment(StatKeys.LEAK_GATE_QUARANTINED);
          counters().increment(StatKeys.SAMPLES_REJECTED);
          counters().increment(StatKeys.rejected(OutputGate.REASON));
          counters().increment(StatKeys.role(role, "rejected"));
          quarantined.inc();
          return;
        }
      }
      String file = fileOf(sample);
      out.get(LINES).output(OutputLine.create(file, sample.orderKey(), lines.record));
      if (lines.metadata != null) {
        // The same sort key puts it on the same line number as its record.
        out.get(LINES).output(OutputLine.create(metadataFileOf(file), sample.orderKey(), lines.metadata));
      }
      counters().increment(StatKeys.SAMPLES_WRITTEN);
      counters().increment(StatKeys.role(role, "samples"));
      counters().increment(StatKeys.role(role, sample.split()));
      counters().increment(StatKeys.scoreBin(role, sample.score()));
      written.inc();
    }
  }

  private static final class RenderRejectFn extends RenderFn<KV<String, Sample>> {
    RenderRejectFn(Records records, OutputGate gate, PCollectionView<ToolTable> tools) {
      super(records, gate, tools);
    }

    @ProcessElement
    public void process(@Element KV<String, Sample> reject, MultiOutputReceiver out, ProcessContext context) {
      Sample sample = reject.getValue();
      String json = records.reject(reject.getKey(), sample, context.sideInput(tools));
      List<Leak> leaks = gate.check(json);
      if (!leaks.isEmpty()) {
        countLeaks(leaks, counters());
        if (gate.quarantines()) {
          json = stillClean(gate, Records.withheld(reject.getKey(), sample, leaks), reject.getKey(), leaks);
          counters().increment(StatKeys.LEAK_GATE_WITHHELD_REJECTS);
        }
      }
      out.get(LINES).output(OutputLine.create(REJECTS_FILE, sample.orderKey(), json));
    }
  }

  private static final class RenderDeadLetterFn extends CountingFn<DeadLetter, OutputLine> {
    private final OutputGate gate;

    RenderDeadLetterFn(OutputGate gate) {
      this.gate = gate;
    }

    @ProcessElement
    public void process(@Element DeadLetter d, MultiOutputReceiver out) {
      String json = Records.deadLetter(d);
      List<Leak> leaks = gate.check(json);
      if (!leaks.isEmpty()) {
        countLeaks(leaks, counters());
        if (gate.quarantines()) {
          json = stillClean(gate, Records.withheld(d, leaks), d.reason(), leaks);
          counters().increment(StatKeys.LEAK_GATE_WITHHELD_DEAD_LETTERS);
        }
      }
      out.get(LINES).output(
          OutputLine.create(
              DEAD_LETTERS_FILE,
              String.format("%s\u0000%s\u0000%012d\u0000%s", d.source(), d.file(), d.line(), d.reason()),
              json));
    }
  }
}
