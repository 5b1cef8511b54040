package dev.gttrainset.parse;

import dev.gttrainset.model.Conversation;
import dev.gttrainset.model.ConversationFacts;
import dev.gttrainset.model.DeadLetter;
import dev.gttrainset.stats.Ledger;
import dev.gttrainset.stats.StatKeys;
import dev.gttrainset.parse.RunWindow;
import dev.gttrainset.parse.SelectSessions;
import java.io.IOException;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Matches Claude Code transcripts ({@code .jsonl}, {@code .jsonl.gz}), keeps the files of the
 * sessions in the run's window ({@link SelectSessions}), spreads them over workers ({@link
 * SpreadFiles}) and parses each into its conversations, with the conversations' {@link
 * ConversationFacts}, dead letters and statistics as side outputs.
 */
public final class ReadSessions extends PTransform<PBegin, PCollectionTuple> {
  public static final TupleTag<Conversation> CONVERSATIONS = new TupleTag<>() {};
  /** One per conversation: what the session-wide steps need of it. */
  public static final TupleTag<ConversationFacts> FACTS = new TupleTag<>() {};
  public static final TupleTag<DeadLetter> DEAD_LETTERS = Ledger.DEAD_LETTERS;
  public static final TupleTag<KV<String, Long>> STATS = Ledger.STATS;

  private final SessionRoots roots;
  private final RunWindow window;
  private final int groups;

  private ReadSessions(SessionRoots roots, RunWindow window, int groups) {
    this.roots = roots;
    this.window = window;
    this.groups = groups;
  }

  /**
   * @param roots the files to match, e.g. {@code /data/projects/**}, with the folders that source
   *     paths are made relative to
   * @param window which sessions this run takes
   */
  public static ReadSessions from(SessionRoots roots, RunWindow window) {
    return new ReadSessions(roots, window, SpreadFiles.GROUPS);
  }

  /** The files spread over this many groups ({@link SpreadFiles}) to be timed and parsed. */
  public ReadSessions inGroups(int groups) {
    return new ReadSessions(roots, window, groups);
  }

  @Override
  public PCollectionTuple expand(PBegin input) {
    PCollectionTuple selected =
        input
            .apply("SessionsPatterns", Create.of(roots.patterns()))
            .apply(
                "MatchSessionFiles",
                FileIO.matchAll()
                    .withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW)
                    // SelectSessions spreads the files itself, in fewer groups than one a file.
                    .withOutputParallelization(false))
            .apply("SelectSessionsInWindow", SelectSessions.in(roots, window).inGroups(groups));
    PCollectionTuple parsed =
        selected
            .get(SelectSessions.SELECTED)
            .apply("SpreadFiles", SpreadFiles.into(groups))
            .apply("ReadMatches", FileIO.readMatches().withCompression(Compression.AUTO))
            .apply(
                "ParseSession",
                ParDo.of(new ParseSessionFn(roots))
                    .withOutputTags(CONVERSATIONS, TupleTagList.of(FACTS).and(DEAD_LETTERS).and(STATS)));
    PCollection<KV<String, Long>> stats =
        PCollectionList.of(selected.get(SelectSessions.STATS))
            .and(parsed.get(STATS))
            .apply("SessionStats", Flatten.pCollections());
    return PCollectionTuple.of(CONVERSATIONS, parsed.get(CONVERSATIONS))
        .and(FACTS, parsed.get(FACTS))
        .and(DEAD_LETTERS, parsed.get(DEAD_LETTERS))
        .and(STATS, stats);
  }

  /** Parses one transcript file; a thin shell around {@link TranscriptParser}. */
  static final class ParseSessionFn extends DoFn<FileIO.ReadableFile, Conversation> {
    private final Counter filesParsed = Metrics.counter("gt-trainset", "session_files_parsed");
    private final Counter linesRead = Metrics.counter("gt-trainset", "session_lines_read");
    private final SessionRoots roots;

    ParseSessionFn(SessionRoots roots) {
      this.roots = roots;
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
      String relative = roots.relative(file.getMetadata().resourceId().toString());
      TranscriptParser parser = new TranscriptParser(TranscriptPath.of(relative));
      try {
        LineFiles.forEachLine(file, parser);
      } catch (IOException e) {
        parser.fileFailed(LineFiles.readFailure(file, e), e.toString());
      }
      ParsedTranscript parsed = parser.finish();
      for (Conversation conversation : parsed.conversations()) {
        out.get(CONVERSATIONS).output(conversation);
        out.get(FACTS).output(FactsOfConversation.of(conversation));
      }
      parsed.deadLetters().forEach(out.get(DEAD_LETTERS)::output);
      parsed.counters().forEach((key, count) -> out.get(STATS).output(KV.of(key, count)));
      filesParsed.inc();
      linesRead.inc(parsed.counters().get(StatKeys.LINES_READ));
    }
  }
}
