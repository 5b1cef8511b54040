package dev.gttrainset.window;

import dev.gttrainset.parse.TranscriptPath;
import dev.gttrainset.stats.StatKeys;
import java.io.IOException;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Chooses the transcript files a run reads: every file of the sessions in the run's window that
 * are no longer being written ({@link RunWindow}). A session's time is the latest record in any of
 * its files (subagents included), read from the files' tails, so files of other sessions are never
 * read through. Non-transcript files are counted and dropped here.
 */
public final class SelectSessions extends PTransform<PCollection<MatchResult.Metadata>, PCollectionTuple> {
  public static final TupleTag<MatchResult.Metadata> SELECTED = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> STATS = new TupleTag<>() {};

  private static final TupleTag<KV<String, KV<Long, Long>>> TIMES = new TupleTag<>() {};
  private static final TupleTag<MatchResult.Metadata> UNTIMED = new TupleTag<>() {};
  private static final TupleTag<KV<String, String>> VERDICTS = new TupleTag<>() {};
  private static final TupleTag<MatchResult.Metadata> UNIQUE = new TupleTag<>() {};

  private final String root;
  private final RunWindow window;

  private SelectSessions(String root, RunWindow window) {
    this.root = root;
    this.window = window;
  }

  /** @param root the folder that source paths are relative to, as in {@code ReadSessions} */
  public static SelectSessions in(String root, RunWindow window) {
    return new SelectSessions(root, window);
  }

  @Override
  public PCollectionTuple expand(PCollection<MatchResult.Metadata> matched) {
    PCollectionTuple unique =
        matched
            .apply("KeyByRealPath", ParDo.of(new RealPathFn()))
            .apply("GroupByRealPath", GroupByKey.create())
            .apply("OneMatchPerFile", ParDo.of(new FirstMatchFn()).withOutputTags(UNIQUE, TupleTagList.of(STATS)));
    PCollection<MatchResult.Metadata> files = unique.get(UNIQUE);
    PCollectionTuple timed =
        files.apply(
            "TimeOfEachFile",
            ParDo.of(new TimeFileFn(root)).withOutputTags(TIMES, TupleTagList.of(UNTIMED).and(STATS)));
    PCollectionTuple judged =
        timed
            .get(TIMES)
            .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(VarLongCoder.of(), VarLongCoder.of())))
            .apply("TimeOfEachSession", Combine.perKey(new LatestFn()))
            .apply(
                "JudgeSessions",
                ParDo.of(new JudgeFn(window)).withOutputTags(VERDICTS, TupleTagList.of(STATS)));
    PCollectionView<Map<String, String>> verdicts = judged.get(VERDICTS).apply("VerdictBySession", View.asMap());
    PCollectionTuple kept =
        files.apply(
            "KeepFilesOfChosenSessions",
            ParDo.of(new KeepFn(root, verdicts))
                .withSideInputs(verdicts)
                .withOutputTags(SELECTED, TupleTagList.of(STATS)));
    PCollection<MatchResult.Metadata> selected =
        PCollectionList.of(kept.get(SELECTED))
            .and(timed.get(UNTIMED))
            .apply("WithUnreadableTails", Flatten.pCollections());
    PCollection<KV<String, Long>> stats =
        PCollectionList.of(unique.get(STATS))
            .and(timed.get(STATS))
            .and(judged.get(STATS))
            .and(kept.get(STATS))
            .apply("SelectionStats", Flatten.pCollections());
    return PCollectionTuple.of(SELECTED, selected).and(STATS, stats);
  }

  /**
   * A local file's real path: FileIO.match follows symbolic links, so a link loop or a second link
   * to a folder lists one file under many names.
   */
  private static final class RealPathFn extends DoFn<MatchResult.Metadata, KV<String, MatchResult.Metadata>> {
    @ProcessElement
    public void process(@Element MatchResult.Metadata file, OutputReceiver<KV<String, MatchResult.Metadata>> out) {
      String name = file.resourceId().toString();
      String real = name;
      if (name.startsWith("/")) {
        try {
          real = Paths.get(name).toRealPath().toString();
        } catch (IOException | RuntimeException e) {
          // Reading it will say what is wrong with it.
        }
      }
      out.output(KV.of(real, file));
    }
  }

  /** The shortest name of a file found under several; the others are counted. */
  private static final class FirstMatchFn
      extends DoFn<KV<String, Iterable<MatchResult.Metadata>>, MatchResult.Metadata> {
    @ProcessElement
    public void process(@Element KV<String, Iterable<MatchResult.Metadata>> names, MultiOutputReceiver out) {
      MatchResult.Metadata first = null;
      long others = 0;
      for (MatchResult.Metadata name : names.getValue()) {
        if (first == null) {
          first = name;
        } else {
          others++;
          if (SHORTEST_NAME.compare(name, first) < 0) {
            first = name;
          }
        }
      }
      out.get(UNIQUE).output(first);
      if (others > 0) {
        out.get(STATS).output(KV.of(StatKeys.FILES_SEEN_THROUGH_LINKS, others));
      }
    }
  }

  private static final Comparator<MatchResult.Metadata> SHORTEST_NAME =
      Comparator.comparingInt((MatchResult.Metadata m) -> m.resourceId().toString().length())
          .thenComparing(m -> m.resourceId().toString());

  /** Each transcript's session and times; a file whose tail cannot be read goes on to parsing. */
  private static final class TimeFileFn extends DoFn<MatchResult.Metadata, KV<String, KV<Long, Long>>> {
    private final String root;

    TimeFileFn(String root) {
      this.root = root;
    }

    @ProcessElement
    public void process(@Element MatchResult.Metadata file, MultiOutputReceiver out) {
      String path = TranscriptPath.relative(root, file.resourceId().toString());
      if (!TranscriptPath.isTranscript(path)) {
        out.get(STATS).output(KV.of(StatKeys.FILES_IGNORED, 1L));
        return;
      }
      try {
        long lastRecord = LastRecordTime.of(file);
        // Asked afresh: FileIO.match's own coder does not carry the last-modified time.
        long modified = FileSystems.matchSingleFileSpec(file.resourceId().toString()).lastModifiedMillis();
        out.get(TIMES).output(KV.of(TranscriptPath.of(path).sessionId(), KV.of(lastRecord, modified)));
      } catch (IOException | RuntimeException e) {
        // Parsing reads it again and turns what fails into a dead letter with file and line.
        out.get(UNTIMED).output(file);
        out.get(STATS).output(KV.of(StatKeys.WINDOW_FILES_UNTIMED, 1L));
      }
    }
  }

  /** The latest record and the latest change over a session's files. */
  private static final class LatestFn extends Combine.BinaryCombineFn<KV<Long, Long>> {
    @Override
    public KV<Long, Long> apply(KV<Long, Long> a, KV<Long, Long> b) {
      return KV.of(Math.max(a.getKey(), b.getKey()), Math.max(a.getValue(), b.getValue()));
    }

  }

  private static final class JudgeFn extends DoFn<KV<String, KV<Long, Long>>, KV<String, String>> {
    private final RunWindow window;

    JudgeFn(RunWindow window) {
      this.window = window;
    }

    @ProcessElement
    public void process(@Element KV<String, KV<Long, Long>> session, MultiOutputReceiver out) {
      long lastRecord = session.getValue().getKey();
      RunWindow.Verdict verdict = window.judge(lastRecord, session.getValue().getValue());
      out.get(VERDICTS).output(KV.of(session.getKey(), verdict.name()));
      out.get(STATS).output(KV.of(StatKeys.window("sessions_" + verdict.name().toLowerCase()), 1L));
      if (verdict == RunWindow.Verdict.STILL_BEING_WRITTEN) {
        // The report lists these by id, with their last record's time.
        out.get(STATS).output(KV.of(StatKeys.stillBeingWritten(session.getKey()), lastRecord));
      }
    }
  }

  private static final class KeepFn extends DoFn<MatchResult.Metadata, MatchResult.Metadata> {
    private final String root;
    private final PCollectionView<Map<String, String>> verdicts;

    KeepFn(String root, PCollectionView<Map<String, String>> verdicts) {
      this.root = root;
      this.verdicts = verdicts;
    }

    @ProcessElement
    public void process(@Element MatchResult.Metadata file, ProcessContext context, MultiOutputReceiver out) {
      String path = TranscriptPath.relative(root, file.resourceId().toString());
      if (!TranscriptPath.isTranscript(path)) {
        return;
      }
      String verdict = context.sideInput(verdicts).get(TranscriptPath.of(path).sessionId());
      if (verdict == null) {
        return; // its tail was unreadable: it reaches parsing by the other path
      }
      if (verdict.equals(RunWindow.Verdict.IN_WINDOW.name())) {
        out.get(SELECTED).output(file);
      } else {
        out.get(STATS).output(KV.of(StatKeys.window("files_" + verdict.toLowerCase()), 1L));
      }
    }
  }
}
