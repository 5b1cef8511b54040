package dev.gttrainset.parse;

import dev.gttrainset.parse.SpreadFiles;
import dev.gttrainset.parse.SessionRoots;
import dev.gttrainset.parse.TranscriptPath;
import dev.gttrainset.stats.Counters;
import dev.gttrainset.stats.Ledger;
import dev.gttrainset.stats.StatKeys;
import java.io.IOException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Chooses the transcript files a run reads: every file of the sessions in the run's window that
 * are no longer being written ({@link RunWindow}). A session's time is the latest record in any of
 * its files (subagents included), read from the files' tails in parallel, so files of other
 * sessions are never read through; a run with no window reads only tails that could be still
 * being written. The times of all files then meet in one list, a few hundred bytes a file, where
 * each session is judged. A session is the one its records name, whatever the file is called; of
 * several copies of one conversation only the longest is read. Non-transcript files are counted
 * and dropped here.
 */
public final class SelectSessions extends PTransform<PCollection<MatchResult.Metadata>, PCollectionTuple> {
  public static final TupleTag<MatchResult.Metadata> SELECTED = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> STATS = Ledger.STATS;

  private static final Comparator<TimedFile> LONGEST =
      Comparator.comparingLong((TimedFile f) -> -f.file().sizeBytes()).thenComparing(TimedFile::name);
  private static final Comparator<TimedFile> SHORTEST_NAME =
      Comparator.comparingInt((TimedFile f) -> f.name().length()).thenComparing(TimedFile::name);

  private final SessionRoots roots;
  private final RunWindow window;
  private final int groups;

  private SelectSessions(SessionRoots roots, RunWindow window, int groups) {
    this.roots = roots;
    this.window = window;
    this.groups = groups;
  }

  /** @param roots the folders that source paths are relative to, as in {@code ReadSessions} */
  public static SelectSessions in(SessionRoots roots, RunWindow window) {
    return new SelectSessions(roots, window, SpreadFiles.GROUPS);
  }

  /** The files' tails read in this many groups ({@link SpreadFiles}). */
  public SelectSessions inGroups(int groups) {
    return new SelectSessions(roots, window, groups);
  }

  @Override
  public PCollectionTuple expand(PCollection<MatchResult.Metadata> matched) {
    return matched
        .apply("SpreadForTiming", SpreadFiles.into(groups))
        .apply("TimeOfEachFile", ParDo.of(new TimeFileFn(roots, window)))
        .setCoder(TimedFile.TimedFileCoder.of())
        .apply("AllFiles", Combine.globally(new AllFilesFn()))
        .apply("JudgeSessions", ParDo.of(new JudgeFn(window)).withOutputTags(SELECTED, TupleTagList.of(STATS)));
  }

  /** A file's real path, session and times; a file whose tail cannot be read is untimed. */
  private static final class TimeFileFn extends DoFn<MatchResult.Metadata, TimedFile> {
    private final SessionRoots roots;
    private final RunWindow window;

    TimeFileFn(SessionRoots roots, RunWindow window) {
      this.roots = roots;
      this.window = window;
    }

    @ProcessElement
    public void process(@Element MatchResult.Metadata file, OutputReceiver<TimedFile> out) {
      String name = file.resourceId().toString();
      String real = realPath(name);
      String path = roots.relative(name);
      if (!TranscriptPath.isTranscript(path)) {
        out.output(TimedFile.create(file, real, "", "", false, 0, 0));
        return;
      }
      TranscriptPath place = TranscriptPath.of(path);
      try {
        // Asked afresh: FileIO.match's own coder does not carry the last-modified time.
        long modified = FileSystems.matchSingleFileSpec(name).lastModifiedMillis();
        TranscriptTail tail = TranscriptTail.of(file);
        String session = tail.sessionId().isEmpty() ? place.sessionId() : tail.sessionId();
        // Records are written before the file changes, so an old file's time bounds its records.
        long lastRecord = window.needsLastRecord(modified) ? tail.lastRecordMillis() : modified;
        out.output(TimedFile.create(file, real, session, place.agentId(), true, lastRecord, modified));
      } catch (IOException | RuntimeException e) {
        // Parsing reads it again and turns what fails into a dead letter with file and line.
        out.output(TimedFile.create(file, real, place.sessionId(), place.agentId(), false, 0, 0));
      }
    }

    /** FileIO.match follows symbolic links, so a link loop or a second link lists one file often. */
    private static String realPath(String name) {
      if (name.startsWith("/")) {
        try {
          return Paths.get(name).toRealPath().toString();
        } catch (IOException | RuntimeException e) {
          // Reading it will say what is wrong with it.
        }
      }
      return name;
    }
  }

  /** Every file of the run, sorted by name. */
  private static final class AllFilesFn extends Combine.CombineFn<TimedFile, List<TimedFile>, List<TimedFile>> {
    @Override
    public List<TimedFile> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public List<TimedFile> addInput(List<TimedFile> files, TimedFile file) {
      files.add(file);
      return files;
    }

    @Override
    public List<TimedFile> mergeAccumulators(Iterable<List<TimedFile>> accumulators) {
      List<TimedFile> merged = new ArrayList<>();
      accumulators.forEach(merged::addAll);
      return merged;
    }

    @Override
    public List<TimedFile> extractOutput(List<TimedFile> files) {
      List<TimedFile> sorted = new ArrayList<>(files);
      sorted.sort(Comparator.comparing(TimedFile::name));
      return sorted;
    }

    @Override
    public Coder<List<TimedFile>> getAccumulatorCoder(CoderRegistry registry, Coder<TimedFile> input) {
      return ListCoder.of(input);
    }

    @Override
    public Coder<List<TimedFile>> getDefaultOutputCoder(CoderRegistry registry, Coder<TimedFile> input) {
      return ListCoder.of(input);
    }
  }

  /**
   * One file per conversation: checkpoints of a session (an export keeps each as its own
   * {@code full.jsonl}) hold the earlier records again, so the longest holds them all and is the
   * one read. Untimed files cannot be told apart and all go on.
   */
  static List<TimedFile> longestCopies(Iterable<TimedFile> files, Counters counters) {
    Map<String, TimedFile> longest = new TreeMap<>();
    List<TimedFile> kept = new ArrayList<>();
    long candidates = 0;
    for (TimedFile file : files) {
      if (!file.isTranscript() || !file.timed()) {
        kept.add(file);
      } else {
        candidates++;
        longest.merge(file.conversationKey(), file, (a, b) -> LONGEST.compare(a, b) <= 0 ? a : b);
      }
    }
    long copies = candidates - longest.size();
    if (copies > 0) {
      counters.add(StatKeys.FILES_SHORTER_COPIES, copies);
    }
    kept.addAll(longest.values());
    kept.sort(Comparator.comparing(TimedFile::name));
    return kept;
  }

  /**
   * Keeps one name per real file (the shortest), judges each session by the latest record and the
   * latest change over its files, and selects the files of the sessions in the window. An untimed
   * file goes on to parsing.
   */
  private static final class JudgeFn extends DoFn<List<TimedFile>, MatchResult.Metadata> {
    private final RunWindow window;

    JudgeFn(RunWindow window) {
      this.window = window;
    }

    @ProcessElement
    public void process(@Element List<TimedFile> files, MultiOutputReceiver out) {
      Counters counters = new Counters();
      Map<String, TimedFile> byRealPath = new TreeMap<>();
      for (TimedFile file : files) {
        byRealPath.merge(file.realPath(), file, (a, b) -> SHORTEST_NAME.compare(a, b) <= 0 ? a : b);
      }
      if (files.size() > byRealPath.size()) {
        counters.add(StatKeys.FILES_SEEN_THROUGH_LINKS, files.size() - byRealPath.size());
      }
      Map<String, long[]> sessions = new TreeMap<>();
      List<TimedFile> timed = new ArrayList<>();
      for (TimedFile file : longestCopies(byRealPath.values(), counters)) {
        if (!file.isTranscript()) {
          counters.increment(StatKeys.FILES_IGNORED);
        } else if (!file.timed()) {
          out.get(SELECTED).output(file.file());
          counters.increment(StatKeys.WINDOW_FILES_UNTIMED);
        } else {
          timed.add(file);
          long[] latest = sessions.computeIfAbsent(file.sessionId(), s -> new long[] {Long.MIN_VALUE, Long.MIN_VALUE});
          latest[0] = Math.max(latest[0], file.lastRecordMillis());
          latest[1] = Math.max(latest[1], file.lastModifiedMillis());
        }
      }
      Map<String, RunWindow.Verdict> verdicts = new TreeMap<>();
      sessions.forEach(
          (session, latest) -> {
            RunWindow.Verdict verdict = window.judge(latest[0], latest[1]);
            verdicts.put(session, verdict);
            counters.increment(StatKeys.window("sessions_" + verdict.name().toLowerCase(Locale.ROOT)));
            if (verdict == RunWindow.Verdict.STILL_BEING_WRITTEN) {
              // The report lists these by id, with their last record's time.
              counters.add(StatKeys.stillBeingWritten(session), latest[0]);
            }
          });
      for (TimedFile file : timed) {
        RunWindow.Verdict verdict = verdicts.get(file.sessionId());
        if (verdict == RunWindow.Verdict.IN_WINDOW) {
          out.get(SELECTED).output(file.file());
        } else {
          counters.increment(StatKeys.window("files_" + verdict.name().toLowerCase(Locale.ROOT)));
        }
      }
      counters.forEach((key, count) -> out.get(STATS).output(KV.of(key, count)));
    }
  }
}
