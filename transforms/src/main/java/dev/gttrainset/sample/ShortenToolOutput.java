package dev.gttrainset.sample;

import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.Sample;
import dev.gttrainset.stats.StatKeys;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Shortens long tool output to its head and tail ({@link ToolOutput}), flags the sample, and
 * settles its token estimate. It runs after scrubbing: a cut made earlier could split a secret so
 * that no rule recognises either half.
 */
public final class ShortenToolOutput extends PTransform<PCollection<Sample>, PCollectionTuple> {
  public static final String TRUNCATED_FLAG = "truncated-tool-output";

  public static final TupleTag<Sample> SAMPLES = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> STATS = new TupleTag<>() {};

  private final int maxToolResultChars;

  private ShortenToolOutput(int maxToolResultChars) {
    this.maxToolResultChars = maxToolResultChars;
  }

  public static ShortenToolOutput to(int maxToolResultChars) {
    return new ShortenToolOutput(maxToolResultChars);
  }

  @Override
  public PCollectionTuple expand(PCollection<Sample> samples) {
    return samples.apply(
        "Shorten",
        ParDo.of(new ShortenFn(maxToolResultChars)).withOutputTags(SAMPLES, TupleTagList.of(STATS)));
  }

  /** How many tool replies of the sample are longer than the limit. */
  static long tooLong(Sample sample, int maxToolResultChars) {
    return sample.messages().stream().filter(m -> m.isTool() && m.text().length() > maxToolResultChars).count();
  }

  /** The sample with long tool output shortened; the same sample when nothing is too long. */
  static Sample shorten(Sample sample, int maxToolResultChars) {
    if (tooLong(sample, maxToolResultChars) == 0) {
      return sample;
    }
    List<ChatMessage> messages = new ArrayList<>(sample.messages().size());
    for (ChatMessage m : sample.messages()) {
      messages.add(
          m.isTool() ? m.toBuilder().setText(ToolOutput.truncate(m.text(), maxToolResultChars)).build() : m);
    }
    List<String> flags = new ArrayList<>(sample.qualityFlags());
    flags.add(TRUNCATED_FLAG);
    return sample.toBuilder()
        .setMessages(List.copyOf(messages))
        .setEstTokens(TokenEstimate.of(messages))
        .setQualityFlags(List.copyOf(flags))
        .build();
  }

  private static final class ShortenFn extends DoFn<Sample, Sample> {
    private final int maxToolResultChars;

    ShortenFn(int maxToolResultChars) {
      this.maxToolResultChars = maxToolResultChars;
    }

    @ProcessElement
    public void process(@Element Sample sample, MultiOutputReceiver out) {
      long shortened = tooLong(sample, maxToolResultChars);
      out.get(SAMPLES).output(shorten(sample, maxToolResultChars));
      if (shortened > 0) {
        out.get(STATS).output(KV.of(StatKeys.TOOL_RESULTS_TRUNCATED, shortened));
      }
    }
  }
}
