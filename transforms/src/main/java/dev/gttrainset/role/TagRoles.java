package dev.gttrainset.role;

import dev.gttrainset.model.ConversationFacts;
import dev.gttrainset.model.GtRecord;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.parse.Timestamps;
import dev.gttrainset.stats.Counters;
import dev.gttrainset.stats.Ledger;
import dev.gttrainset.stats.StatKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.SetCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.FlatMapElements;
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
 * Decides every session's role ({@link RoleTagger}) from the facts of its first conversation and
 * the town events that name it. The town's layout, learned from all Gas Town records plus the
 * hints given, and the events reach the tagger as side inputs. The facts are small, so the whole
 * town's fit in one map; the roles come out in one bundle, ready for a map view that {@link
 * TagConversations} reads.
 */
public final class TagRoles extends PTransform<PCollection<ConversationFacts>, PCollectionTuple> {
  /** Claude session id to its role, one per session. */
  public static final TupleTag<KV<String, RoleTag>> ROLES = new TupleTag<>() {};

  public static final TupleTag<KV<String, Long>> STATS = Ledger.STATS;

  private final PCollection<GtRecord> gtRecords;
  private final PCollectionView<TownLayout> layout;

  private TagRoles(PCollection<GtRecord> gtRecords, PCollectionView<TownLayout> layout) {
    this.gtRecords = gtRecords;
    this.layout = layout;
  }

  /**
   * @param gtRecords every Gas Town record: events name sessions
   * @param layout the town's layout ({@link #learnLayout})
   */
  public static TagRoles using(PCollection<GtRecord> gtRecords, PCollectionView<TownLayout> layout) {
    return new TagRoles(gtRecords, layout);
  }

  /**
   * The town's layout, learned from all Gas Town records plus what is known before reading.
   *
   * @param layoutHints {@link TownLayout#rootHint}, {@link TownLayout#rigHint} and {@link
   *     TownLayout#prefixHint} values
   */
  public static PCollectionView<TownLayout> learnLayout(PCollection<GtRecord> gtRecords, List<String> layoutHints) {
    return gtRecords
        .apply("LayoutHints", FlatMapElements.into(TypeDescriptors.strings()).via(TownLayout::hintsOf))
        .apply("LearnTownLayout", Combine.globally(new LearnLayoutFn(List.copyOf(layoutHints))).asSingletonView());
  }

  @Override
  public PCollectionTuple expand(PCollection<ConversationFacts> facts) {
    PCollectionView<List<GtRecord>> events =
        gtRecords
            .apply(
                "EventsNamingASession",
                Filter.by(r -> r.source().equals(GtRecord.EVENTS) && !r.sessionId().isEmpty()))
            .apply("EventsView", View.asList());
    return facts
        .apply("FirstConversationOfEachSession", Combine.globally(new FirstOfEachSessionFn()))
        .apply(
            "TagEachSession",
            ParDo.of(new TagSessionsFn(layout, events))
                .withSideInputs(layout, events)
                .withOutputTags(ROLES, TupleTagList.of(STATS)));
  }

  /** Tags every session of the town; a thin shell around {@link RoleTagger}. */
  private static final class TagSessionsFn extends DoFn<Map<String, ConversationFacts>, KV<String, RoleTag>> {
    private final PCollectionView<TownLayout> layout;
    private final PCollectionView<List<GtRecord>> events;

    TagSessionsFn(PCollectionView<TownLayout> layout, PCollectionView<List<GtRecord>> events) {
      this.layout = layout;
      this.events = events;
    }

    @ProcessElement
    public void process(
        @Element Map<String, ConversationFacts> sessions, ProcessContext context, MultiOutputReceiver out) {
      Map<String, List<GtRecord>> eventsBySession = new TreeMap<>();
      for (GtRecord event : context.sideInput(events)) {
        eventsBySession.computeIfAbsent(event.sessionId(), s -> new ArrayList<>()).add(event);
      }
      TownLayout town = context.sideInput(layout);
      Counters counters = new Counters();
      // The daemon prunes session_start after three days: sessions before the first one left have none.
      long firstStart =
          context.sideInput(events).stream()
              .filter(e -> e.type().equals("session_start") && e.timestampMillis() != Timestamps.NONE)
              .mapToLong(GtRecord::timestampMillis)
              .min()
              .orElse(Long.MAX_VALUE);
      long[] span = {Long.MAX_VALUE, Long.MIN_VALUE};
      sessions.forEach(
          (session, first) -> {
            List<GtRecord> named = eventsBySession.getOrDefault(session, List.of());
            RoleTag tag = RoleTagger.tag(first, named, town);
            out.get(ROLES).output(KV.of(session, tag));
            counters.increment(StatKeys.SESSIONS);
            counters.increment(StatKeys.role(tag.role().id(), "sessions"));
            counters.increment(StatKeys.roleSignal(tag.signal()));
            if (named.isEmpty()) {
              counters.increment(StatKeys.SESSIONS_WITHOUT_EVENT);
              if (first.firstTimestampMillis() != Timestamps.NONE && first.firstTimestampMillis() < firstStart) {
                counters.increment(StatKeys.SESSIONS_BEFORE_SESSION_STARTS);
              }
            }
            if (first.firstTimestampMillis() != Timestamps.NONE) {
              span[0] = Math.min(span[0], first.firstTimestampMillis());
              span[1] = Math.max(span[1], first.lastTimestampMillis());
            }
          });
      counters.add(StatKeys.SESSIONS_WITHOUT_EVENT, 0);
      counters.add(StatKeys.SESSIONS_BEFORE_SESSION_STARTS, 0);
      if (span[0] <= span[1]) {
        counters.add(StatKeys.coverage("sessions", "first"), span[0]);
        counters.add(StatKeys.coverage("sessions", "last"), span[1]);
      }
      eventsBySession.keySet().stream()
          .filter(session -> !sessions.containsKey(session))
          .forEach(session -> counters.increment(StatKeys.EVENT_SESSIONS_WITHOUT_TRANSCRIPT));
      counters.forEach((key, count) -> out.get(STATS).output(KV.of(key, count)));
    }
  }

  /** Each session's first conversation: its main one when it has one ({@link ConversationFacts#orderKey}). */
  private static final class FirstOfEachSessionFn
      extends Combine.CombineFn<ConversationFacts, Map<String, ConversationFacts>, Map<String, ConversationFacts>> {
    @Override
    public Map<String, ConversationFacts> createAccumulator() {
      return new TreeMap<>();
    }

    @Override
    public Map<String, ConversationFacts> addInput(Map<String, ConversationFacts> first, ConversationFacts facts) {
      first.merge(facts.sessionId(), facts, FirstOfEachSessionFn::earlier);
      return first;
    }

    @Override
    public Map<String, ConversationFacts> mergeAccumulators(Iterable<Map<String, ConversationFacts>> accumulators) {
      Map<String, ConversationFacts> merged = new TreeMap<>();
      accumulators.forEach(first -> first.forEach((session, facts) -> merged.merge(session, facts, FirstOfEachSessionFn::earlier)));
      return merged;
    }

    @Override
    public Map<String, ConversationFacts> extractOutput(Map<String, ConversationFacts> first) {
      return first;
    }

    @Override
    public Coder<Map<String, ConversationFacts>> getAccumulatorCoder(
        CoderRegistry registry, Coder<ConversationFacts> input) {
      return MapCoder.of(StringUtf8Coder.of(), input);
    }

    private static ConversationFacts earlier(ConversationFacts a, ConversationFacts b) {
      return a.orderKey().compareTo(b.orderKey()) <= 0 ? a : b;
    }
  }

  /** Gathers layout hints from the whole town into one {@link TownLayout}. */
  private static final class LearnLayoutFn extends Combine.CombineFn<String, Set<String>, TownLayout> {
    private final List<String> givenHints;

    LearnLayoutFn(List<String> givenHints) {
      this.givenHints = givenHints;
    }

    @Override
    public Set<String> createAccumulator() {
      return new TreeSet<>(givenHints);
    }

    @Override
    public Set<String> addInput(Set<String> hints, String hint) {
      hints.add(hint);
      return hints;
    }

    @Override
    public Set<String> mergeAccumulators(Iterable<Set<String>> accumulators) {
      Set<String> merged = new TreeSet<>();
      accumulators.forEach(merged::addAll);
      return merged;
    }

    @Override
    public TownLayout extractOutput(Set<String> hints) {
      return TownLayout.fromHints(hints);
    }

    @Override
    public Coder<Set<String>> getAccumulatorCoder(CoderRegistry registry, Coder<String> input) {
      return SetCoder.of(StringUtf8Coder.of());
    }
  }
}
