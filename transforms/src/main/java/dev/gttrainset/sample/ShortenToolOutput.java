package dev.gttrainset.sample;

import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.Sample;
import dev.gttrainset.model.ToolCall;
import dev.gttrainset.stats.CountingFn;
import dev.gttrainset.stats.Ledger;
import dev.gttrainset.stats.StatKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Shortens tool output so the sample fits {@code maxSampleTokens}: the budget decides how much
 * stays. Replies are cut to one common length, the longest that fits and never below {@code
 * maxToolResultChars} ({@link ToolOutput}), keeping whole the lines that a later edit in the
 * sample changes, and where room is left those a later write keeps as they were. It runs after scrubbing: a cut made earlier could split a secret so that no rule
 * recognises either half.
 */
public final class ShortenToolOutput extends PTransform<PCollection<Sample>, PCollectionTuple> {
  public static final String TRUNCATED_FLAG = "truncated-tool-output";
  /**
   * What a reply carried only for the lines a later edit changes keeps besides those lines: the
   * model needs those, not the whole file again.
   */
  public static final int CARRIED_CHARS = 1_500;

  public static final TupleTag<Sample> SAMPLES = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> STATS = Ledger.STATS;

  private static final Pattern TEST_RUN =
      Pattern.compile(
          "\\b(?:pytest|jest|vitest|rspec|tox|ctest|mvn|mvnw|gradle|gradlew|go test|cargo test|"
              + "(?:npm|pnpm|yarn|bun)(?: run)? test|make (?:test|check)|unittest|phpunit)\\b");

  private final long maxSampleTokens;
  private final int maxToolResultChars;

  private ShortenToolOutput(long maxSampleTokens, int maxToolResultChars) {
    this.maxSampleTokens = maxSampleTokens;
    this.maxToolResultChars = maxToolResultChars;
  }

  public static ShortenToolOutput to(long maxSampleTokens, int maxToolResultChars) {
    return new ShortenToolOutput(maxSampleTokens, maxToolResultChars);
  }

  @Override
  public PCollectionTuple expand(PCollection<Sample> samples) {
    return samples.apply(
        "Shorten",
        ParDo.of(new ShortenFn(maxSampleTokens, maxToolResultChars)).withOutputTags(SAMPLES, TupleTagList.of(STATS)));
  }

  /** The sample with tool output shortened to fit, its estimate counting what is written. */
  static Sample shorten(Sample sample, long maxSampleTokens, int minToolChars) {
    List<ChatMessage> messages = sample.messages();
    int cap = cap(messages, maxSampleTokens, minToolChars);
    if (cap == Integer.MAX_VALUE) {
      return settled(sample);
    }
    // What the sample's edits change and its writes keep, in order; a message reads those after it.
    List<String> edited = new ArrayList<>();
    List<String> written = new ArrayList<>();
    int[] editedBefore = new int[messages.size()];
    int[] writtenBefore = new int[messages.size()];
    for (int i = 0; i < messages.size(); i++) {
      EditTargets.of(messages.get(i)).forEach(target -> edited.add(target[1]));
      written.addAll(EditTargets.writes(messages.get(i)));
      editedBefore[i] = edited.size();
      writtenBefore[i] = written.size();
    }
    Map<String, ToolCall> calls = new HashMap<>();
    List<ChatMessage> shortened = new ArrayList<>(messages.size());
    long cut = 0;
    for (int i = 0; i < messages.size(); i++) {
      ChatMessage m = messages.get(i);
      m.toolCalls().forEach(c -> calls.put(c.id(), c));
      int limit = limit(m, cap);
      if (m.isTool() && m.text().length() > limit) {
        ToolCall call = calls.get(m.toolCallId());
        boolean testLog = call != null && call.name().equals("Bash") && TEST_RUN.matcher(call.arguments()).find();
        String plain = EditTargets.withoutLineNumbers(m.text());
        List<int[]> keep = ranges(plain, edited.subList(editedBefore[i], edited.size()));
        List<int[]> wanted = ranges(plain, written.subList(writtenBefore[i], written.size()));
        String text = ToolOutput.shorten(m.text(), limit, keep, wanted, testLog);
        m = m.toBuilder().setText(text).build();
        cut++;
      }
      shortened.add(m);
    }
    if (cut == 0) {
      return settled(sample);
    }
    List<String> flags = new ArrayList<>(sample.qualityFlags());
    flags.add(TRUNCATED_FLAG);
    return sample.toBuilder()
        .setMessages(List.copyOf(shortened))
        .setEstTokens(TokenEstimate.of(shortened))
        .setQualityFlags(List.copyOf(flags))
        .build();
  }

  /** The sample with its estimate counting tool output whole, as it is written. */
  private static Sample settled(Sample sample) {
    long tokens = TokenEstimate.of(sample.messages());
    return tokens == sample.estTokens() ? sample : sample.toBuilder().setEstTokens(tokens).build();
  }

  /** How many replies {@link #shorten} cut: it replaces those, and only those. */
  static long cuts(Sample before, Sample after) {
    long cuts = 0;
    for (int i = 0; i < before.messages().size(); i++) {
      cuts += before.messages().get(i) != after.messages().get(i) ? 1 : 0;
    }
    return cuts;
  }

  /** The line ranges of a reply (its line numbers taken off) that show these texts. */
  private static List<int[]> ranges(String plain, List<String> texts) {
    List<int[]> ranges = new ArrayList<>();
    texts.forEach(text -> ranges.addAll(EditTargets.lines(plain, text)));
    return ranges;
  }

  /**
   * The longest reply length at which the sample fits, at least {@code minToolChars}; {@code
   * Integer.MAX_VALUE} when it fits whole.
   */
  private static int cap(List<ChatMessage> messages, long maxTokens, int minToolChars) {
    if (TokenEstimate.of(messages) <= maxTokens) {
      return Integer.MAX_VALUE;
    }
    if (tokens(messages, minToolChars) > maxTokens) {
      return minToolChars;
    }
    int low = minToolChars;
    int high = messages.stream().filter(ChatMessage::isTool).mapToInt(m -> m.text().length()).max().orElse(low);
    while (low < high) {
      int mid = low + (high - low + 1) / 2;
      if (tokens(messages, mid) <= maxTokens) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  /** A reply's length limit under a common cap: less for a reply carried for its lines. */
  private static int limit(ChatMessage reply, int cap) {
    return reply.context() ? Math.min(cap, CARRIED_CHARS) : cap;
  }

  /** The sample's size once its replies are cut to {@code cap} (carried ones to less). */
  static long tokens(List<ChatMessage> messages, int cap) {
    return messages.stream().mapToLong(m -> m.isTool() ? TokenEstimate.of(m, limit(m, cap)) : TokenEstimate.of(m)).sum();
  }

  private static final class ShortenFn extends CountingFn<Sample, Sample> {
    private final long maxSampleTokens;
    private final int maxToolResultChars;

    ShortenFn(long maxSampleTokens, int maxToolResultChars) {
      this.maxSampleTokens = maxSampleTokens;
      this.maxToolResultChars = maxToolResultChars;
    }

    @ProcessElement
    public void process(@Element Sample sample, MultiOutputReceiver out) {
      Sample shortened = shorten(sample, maxSampleTokens, maxToolResultChars);
      out.get(SAMPLES).output(shortened);
      long cuts = cuts(sample, shortened);
      if (cuts > 0) {
        counters().add(StatKeys.TOOL_RESULTS_TRUNCATED, cuts);
      }
    }
  }
}
