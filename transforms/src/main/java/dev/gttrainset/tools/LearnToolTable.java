package dev.gttrainset.tools;

import dev.gttrainset.model.Sample;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * The run's {@link ToolTable}, learned from the tool calls of every sample and handed to rendering
 * as a side input: a combine of small per-bundle {@link ToolUsage}s (tool names and argument
 * types, never the text).
 */
public final class LearnToolTable extends PTransform<PCollection<Sample>, PCollectionView<ToolTable>> {
  private LearnToolTable() {}

  public static LearnToolTable fromCalls() {
    return new LearnToolTable();
  }

  @Override
  public PCollectionView<ToolTable> expand(PCollection<Sample> samples) {
    return samples.apply("ToolTable", Combine.globally(new LearnFn()).asSingletonView());
  }

  private static final class LearnFn extends Combine.CombineFn<Sample, ToolUsage, ToolTable> {
    @Override
    public ToolUsage createAccumulator() {
      return new ToolUsage();
    }

    @Override
    public ToolUsage addInput(ToolUsage usage, Sample sample) {
      usage.add(sample);
      return usage;
    }

    @Override
    public ToolUsage mergeAccumulators(Iterable<ToolUsage> usages) {
      ToolUsage merged = new ToolUsage();
      usages.forEach(merged::merge);
      return merged;
    }

    @Override
    public ToolTable extractOutput(ToolUsage usage) {
      return ToolTable.learnedFrom(usage);
    }

    @Override
    public Coder<ToolUsage> getAccumulatorCoder(CoderRegistry registry, Coder<Sample> input) {
      return SerializableCoder.of(ToolUsage.class);
    }

    @Override
    public Coder<ToolTable> getDefaultOutputCoder(CoderRegistry registry, Coder<Sample> input) {
      return SerializableCoder.of(ToolTable.class);
    }
  }
}
