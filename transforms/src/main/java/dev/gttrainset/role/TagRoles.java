package dev.gttrainset.role;

import dev.gttrainset.model.Conversation;
import dev.gttrainset.model.GtRecord;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.model.TaggedConversation;
import dev.gttrainset.stats.StatKeys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SetCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Joins each session's conversations with the town events that name it (CoGroupByKey on the Claude
 * session id) and tags every conversation with the session's role. The town's layout, learned from
 * all Gas Town records plus the hints given, reaches the tagger as a side input.
 */
public final class TagRoles extends PTransform<PCollection<Conversation>, PCollectionTuple> {
  public static final TupleTag<TaggedConversation> TAGGED = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> STATS = new TupleTag<>() {};

  private static final TupleTag<Conversation> CONVERSATIONS = new TupleTag<>() {};
  private static final TupleTag<GtRecord> EVENTS = new TupleTag<>() {};

  private final PCollection<GtRecord> gtRecords;
  private final List<String> layoutHints;

  private TagRoles(PCollection<GtRecord> gtRecords, List<String> layoutHints) {
    this.gtRecords = gtRecords;
    this.layoutHints = layoutHints;
  }

  /**
   * @param gtRecords every Gas Town record: events name sessions, all of them hint at the layout
   * @param layoutHints what is known before reading: {@link TownLayout#rootHint} and {@link
   *     TownLayout#rigHint} values
   */
  public static TagRoles using(PCollection<GtRecord> gtRecords, List<String> layoutHints) {
    return new TagRoles(gtRecords, List.copyOf(layoutHints));
  }

  @Override
  public PCollectionTuple expand(PCollection<Conversation> conversations) {
    PCollectionView<TownLayout> layout =
        gtRecords
            .apply(
                "LayoutHints",
                FlatMapElements.into(TypeDescriptors.strings()).via(TownLayout::hintsOf))
            .apply("LearnTownLayout", Combine.globally(new LearnLayoutFn(layoutHints)).asSingletonView());

    PCollection<KV<String, Conversation>> bySession =
        conversations.apply(
            "KeyBySession",
            WithKeys.of(Conversation::sessionId).withKeyType(TypeDescriptors.strings()));
    PCollection<KV<String, GtRecord>> eventsBySession =
        gtRecords
            .apply(
                "EventsNamingASession",
                Filter.by(r -> r.source().equals(GtRecord.EVENTS) && !r.sessionId().isEmpty()))
            .apply(
                "KeyEventsBySession",
                WithKeys.of(GtRecord::sessionId).withKeyType(TypeDescriptors.strings()));

    return KeyedPCollectionTuple.of(CONVERSATIONS, bySession)
        .and(EVENTS, eventsBySession)
        .apply("JoinSessionEvents", CoGroupByKey.create())
        .apply(
            "TagRole",
            ParDo.of(new TagRoleFn(layout))
                .withSideInputs(layout)
                .withOutputTags(TAGGED, TupleTagList.of(STATS)));
  }

  /** Tags one session's conversations; a thin shell around {@link RoleTagger}. */
  private static final class TagRoleFn extends DoFn<KV<String, CoGbkResult>, TaggedConversation> {
    private final PCollectionView<TownLayout> layout;

    TagRoleFn(PCollectionView<TownLayout> layout) {
      this.layout = layout;
    }

    @ProcessElement
    public void process(
        @Element KV<String, CoGbkResult> session, ProcessContext context, MultiOutputReceiver out) {
      List<Conversation> conversations = new ArrayList<>();
      session.getValue().getAll(CONVERSATIONS).forEach(conversations::add);
      if (conversations.isEmpty()) {
        out.get(STATS).output(KV.of(StatKeys.EVENT_SESSIONS_WITHOUT_TRANSCRIPT, 1L));
        return;
      }
      conversations.sort(Comparator.comparing(Conversation::orderKey));
      List<GtRecord> events = new ArrayList<>();
      session.getValue().getAll(EVENTS).forEach(events::add);
      RoleTag tag = RoleTagger.tag(conversations, events, context.sideInput(layout));

      String role = tag.role().id();
      emit(out, StatKeys.SESSIONS, 1);
      emit(out, StatKeys.role(role, "sessions"), 1);
      emit(out, StatKeys.roleSignal(tag.signal()), 1);
      for (Conversation conversation : conversations) {
        emit(out, StatKeys.role(role, "conversations"), 1);
        emit(out, StatKeys.role(role, "turns"), conversation.turns());
        emit(out, StatKeys.TURNS, conversation.turns());
        if (!conversation.isMain()) {
          emit(out, StatKeys.SUBAGENT_CONVERSATIONS, 1);
        }
        out.get(TAGGED).output(TaggedConversation.create(conversation, tag));
      }
    }

    private static void emit(MultiOutputReceiver out, String key, long count) {
      out.get(STATS).output(KV.of(key, count));
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
