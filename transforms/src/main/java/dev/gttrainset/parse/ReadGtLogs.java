package dev.gttrainset.parse;

import dev.gttrainset.model.DeadLetter;
import dev.gttrainset.model.GtRecord;
import dev.gttrainset.stats.Ledger;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
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
 * Reads the Gas Town logs: the town's {@code .events.jsonl}, and {@code costs.jsonl} and {@code
 * cmd-usage*.jsonl} from the GT home, telemetry exports and beads, and live telemetry servers. A log that is not there matches no file: the statistics
 * then show it with no files, and the report says where it was looked for.
 */
public final class ReadGtLogs extends PTransform<PBegin, PCollectionTuple> {
  public static final TupleTag<GtRecord> RECORDS = new TupleTag<>() {};
  public static final TupleTag<DeadLetter> DEAD_LETTERS = Ledger.DEAD_LETTERS;
  public static final TupleTag<KV<String, Long>> STATS = Ledger.STATS;

  private final List<GtLog> logs;
  private final List<VictoriaQuery> live;

  private ReadGtLogs(List<GtLog> logs, List<VictoriaQuery> live) {
    this.logs = logs;
    this.live = live;
  }

  public static ReadGtLogs of(List<GtLog> logs) {
    return new ReadGtLogs(logs, List.of());
  }

  /** Also reads these live telemetry servers ({@link QueryVictoria}). */
  public ReadGtLogs andLive(List<VictoriaQuery> queries) {
    return new ReadGtLogs(logs, List.copyOf(queries));
  }

  @Override
  public PCollectionTuple expand(PBegin input) {
    PCollectionList<GtRecord> records = PCollectionList.empty(input.getPipeline());
    PCollectionList<DeadLetter> deadLetters = PCollectionList.empty(input.getPipeline());
    PCollectionList<KV<String, Long>> stats = PCollectionList.empty(input.getPipeline());
    Map<String, Integer> seen = new HashMap<>();
    for (GtLog log : logs) {
      // Several files of one kind (beads of several rigs) get steps of their own names.
      int nth = seen.merge(log.source(), 1, Integer::sum);
      String name = nth == 1 ? log.source() : log.source() + " " + nth;
      PCollectionTuple parsed =
          input
              .apply(
                  "Match " + name,
                  FileIO.match()
                      .filepattern(log.filepattern())
                      .withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
              .apply("Read " + name, FileIO.readMatches().withCompression(Compression.AUTO))
              .apply(
                  "Parse " + name,
                  ParDo.of(new ParseGtLogFn(log))
                      .withOutputTags(RECORDS, TupleTagList.of(DEAD_LETTERS).and(STATS)));
      records = records.and(parsed.get(RECORDS));
      deadLetters = deadLetters.and(parsed.get(DEAD_LETTERS));
      stats = stats.and(parsed.get(STATS));
    }
    for (VictoriaQuery query : live) {
      PCollectionTuple fetched = input.apply("Query " + query.label(), QueryVictoria.of(query));
      records = records.and(fetched.get(RECORDS));
      deadLetters = deadLetters.and(fetched.get(DEAD_LETTERS));
      stats = stats.and(fetched.get(STATS));
    }
    return PCollectionTuple.of(RECORDS, flatten(records, "AllGtRecords"))
        .and(DEAD_LETTERS, flatten(deadLetters, "AllGtDeadLetters"))
        .and(STATS, flatten(stats, "AllGtStats"));
  }

  private static <T> PCollection<T> flatten(PCollectionList<T> parts, String name) {
    return parts.apply(name, Flatten.pCollections());
  }

  /** Parses one log file; a thin shell around {@link GtLogParser}. */
  static final class ParseGtLogFn extends DoFn<FileIO.ReadableFile, GtRecord> {
    private final GtLog log;

    ParseGtLogFn(GtLog log) {
      this.log = log;
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
      String name = log.label() + "/" + file.getMetadata().resourceId().getFilename();
      GtLogParser parser = new GtLogParser(log.source(), name);
      try {
        LineFiles.forEachLine(file, parser);
      } catch (IOException e) {
        parser.fileFailed(LineFiles.readFailure(file, e), e.toString());
      }
      parser.finish().forEach((key, count) -> out.get(STATS).output(KV.of(key, count)));
      parser.records().forEach(out.get(RECORDS)::output);
      parser.deadLetters().forEach(out.get(DEAD_LETTERS)::output);
    }
  }
}
