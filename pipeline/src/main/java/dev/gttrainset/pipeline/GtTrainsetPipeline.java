package dev.gttrainset.pipeline;

import dev.gttrainset.gate.OutputGate;
import dev.gttrainset.model.DeadLetter;
import dev.gttrainset.model.GtRecord;
import dev.gttrainset.model.OutputLine;
import dev.gttrainset.model.SessionDecision;
import dev.gttrainset.outcome.ScoreSamples;
import dev.gttrainset.output.ReadPublishedHashes;
import dev.gttrainset.output.RecordFormat;
import dev.gttrainset.output.CallsPerMessage;
import dev.gttrainset.output.Records;
import dev.gttrainset.output.ToolCallIds;
import dev.gttrainset.output.ToOutputLines;
import dev.gttrainset.output.WriteJsonlFiles;
import dev.gttrainset.parse.ReadGtLogs;
import dev.gttrainset.parse.ReadSessions;
import dev.gttrainset.parse.VictoriaQuery;
import dev.gttrainset.role.TagConversations;
import dev.gttrainset.session.DecideSessions;
import dev.gttrainset.sample.BalanceRoles;
import dev.gttrainset.sample.BuildSamples;
import dev.gttrainset.sample.Deduplicate;
import dev.gttrainset.sample.HashContent;
import dev.gttrainset.sample.QualityFilter;
import dev.gttrainset.sample.QualityRules;
import dev.gttrainset.sample.RoleBalance;
import dev.gttrainset.sample.SampleWindower;
import dev.gttrainset.sample.ShortenToolOutput;
import dev.gttrainset.sample.TrainValSplit;
import dev.gttrainset.scrub.PeopleInSessions;
import dev.gttrainset.scrub.Scrub;
import dev.gttrainset.scrub.ScrubRules;
import dev.gttrainset.scrub.Scrubber;
import dev.gttrainset.tools.LearnToolTable;
import dev.gttrainset.tools.ToolTable;
import dev.gttrainset.stats.CollectStats;
import dev.gttrainset.parse.RunWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * The whole job, top to bottom, each step named as in DESIGN.md: read sessions and Gas Town logs,
 * decide each session once (role, cost, outcome), join it to its conversations, build samples, scrub, filter, deduplicate, split and write; every stage's
 * statistics become {@code stats.json} and {@code REPORT.md} once the datasets are written.
 */
public final class GtTrainsetPipeline {
  private GtTrainsetPipeline() {}

  /** The scrub rules switched off with {@code --skipScrubRules} (a test of the leak gate). */
  static Set<String> skippedRules(GtTrainsetOptions options) {
    Set<String> ids = new TreeSet<>();
    for (String id : options.getSkipScrubRules().split(",")) {
      if (!id.isBlank()) {
        ids.add(id.strip());
      }
    }
    return ids;
  }

  /** How samples are written: the format and what the user's chat template needs. */
  static Records.Shape shape(GtTrainsetOptions options) {
    return Records.Shape.of(
        RecordFormat.parse(options.getFormat()),
        options.getKeepThinking(),
        ToolCallIds.parse(options.getToolCallIds()),
        CallsPerMessage.parse(options.getToolCallsPerMessage()));
  }

  static RoleBalance roleBalance(GtTrainsetOptions options) {
    return new RoleBalance(
        RoleBalance.Mode.parse(options.getBalance()), RoleBalance.parseTargets(options.getBalanceTargets()));
  }

  /** @param live the telemetry servers to ask ({@link LiveTelemetry}) */
  public static void build(
      Pipeline pipeline, GtTrainsetOptions options, JobPaths paths, RunWindow window, List<VictoriaQuery> live) {
    Scrubber scrubber = new Scrubber(ScrubRules.without(skippedRules(options)));
    Records records = new Records(shape(options));

    PCollectionTuple sessions =
        pipeline.apply(
            "ReadSessions", ReadSessions.from(paths.sessionRoots(), window));
    PCollectionTuple gtLogs = pipeline.apply("ReadGtLogs", ReadGtLogs.of(paths.gtLogs()).andLive(live));
    PCollection<GtRecord> gtRecords = gtLogs.get(ReadGtLogs.RECORDS);

    PCollectionTuple decided =
        sessions.get(ReadSessions.FACTS).apply("DecideSessions", DecideSessions.from(gtRecords, paths.layoutHints()));
    PCollectionView<Map<String, SessionDecision>> sessionDecisions =
        decided.get(DecideSessions.DECISIONS).apply("DecisionBySession", View.asMap());
    PCollectionTuple tagged =
        sessions
            .get(ReadSessions.CONVERSATIONS)
            .apply("TagConversations", TagConversations.with(sessionDecisions));

    PCollectionTuple built =
        tagged
            .get(TagConversations.TAGGED)
            .apply(
                "BuildSamples",
                BuildSamples.with(
                    new SampleWindower(
                        options.getMaxSampleTokens(),
                        options.getMaxToolResultChars(),
                        options.getKeepThinking())));
    PCollectionView<Map<String, String>> people =
        sessions.get(ReadSessions.CONVERSATIONS).apply("PeopleInSessions", PeopleInSessions.found());
    PCollectionTuple scrubbed =
        built.get(BuildSamples.SAMPLES).apply("Scrub", Scrub.samples(scrubber, people));
    PCollectionTuple shortened =
        scrubbed
            .get(Scrub.SAMPLES)
            .apply(
                "ShortenToolOutput",
                ShortenToolOutput.to(options.getMaxSampleTokens(), options.getMaxToolResultChars()));
    PCollectionTuple scored =
        shortened
            .get(ShortenToolOutput.SAMPLES)
            .apply("HashContent", HashContent.create())
            .apply("ScoreSamples", ScoreSamples.create());
    PCollectionView<ToolTable> tools = scored.get(ScoreSamples.SAMPLES).apply("LearnTools", LearnToolTable.fromCalls());
    PCollectionTuple filtered =
        scored
            .get(ScoreSamples.SAMPLES)
            .apply(
                "QualityFilter",
                QualityFilter.of(new QualityRules(options.getMaxSampleTokens(), options.getMinScore())));
    PCollectionView<List<String>> published =
        pipeline.apply("PublishedBefore", ReadPublishedHashes.from(paths.publishedDatasets()));
    PCollectionTuple deduped =
        filtered
            .get(QualityFilter.KEPT)
            .apply("Deduplicate", Deduplicate.of(options.getNearDupThreshold(), published));
    TrainValSplit split = new TrainValSplit(options.getValFraction());
    PCollectionTuple balanced =
        deduped
            .get(Deduplicate.SURVIVORS)
            .apply("BalanceRoles", BalanceRoles.with(roleBalance(options), split));
    OutputGate gate = OutputGate.of(OutputGate.Mode.parse(options.getLeakGate()));
    PCollectionTuple rendered =
        balanced.get(BalanceRoles.SAMPLES).apply("SplitAndRender", ToOutputLines.samples(split, records, gate, tools));

    PCollectionTuple deadLetters =
        PCollectionList.of(sessions.get(ReadSessions.DEAD_LETTERS))
            .and(gtLogs.get(ReadGtLogs.DEAD_LETTERS))
            .apply("AllDeadLetters", Flatten.<DeadLetter>pCollections())
            .apply("ScrubDeadLetters", Scrub.deadLetters(scrubber, people));
    PCollectionTuple renderedRejects =
        PCollectionList.of(filtered.get(QualityFilter.REJECTED))
            .and(balanced.get(BalanceRoles.REJECTED))
            .apply("AllRejects", Flatten.pCollections())
            .apply("RenderRejects", ToOutputLines.rejects(split, records, gate, tools));
    PCollectionTuple renderedDeadLetters =
        deadLetters.get(Scrub.DEAD_LETTERS).apply("RenderDeadLetters", ToOutputLines.deadLetters(gate));

    PCollection<OutputLine> lines =
        PCollectionList.of(rendered.get(ToOutputLines.LINES))
            .and(renderedRejects.get(ToOutputLines.LINES))
            .and(renderedDeadLetters.get(ToOutputLines.LINES))
            .apply("AllOutputLines", Flatten.pCollections());
    PCollection<String> datasets = lines.apply("WriteDatasets", WriteJsonlFiles.to(paths.staging()));

    List<KV<String, Long>> notRead = new ArrayList<>();
    Map<String, Long> entries = new java.util.TreeMap<>();
    paths.sessionRoots().roots().forEach(root -> EntriesNotRead.under(root.folder()).forEach((key, count) -> entries.merge(key, count, Long::sum)));
    entries.forEach((key, count) -> notRead.add(KV.of(key, count)));
    PCollection<KV<String, Long>> entriesNotRead =
        pipeline.apply(
            "EntriesNotRead", Create.of(notRead).withCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())));

    PCollectionList<KV<String, Long>> stats =
        PCollectionList.of(sessions.get(ReadSessions.STATS))
            .and(entriesNotRead)
            .and(gtLogs.get(ReadGtLogs.STATS))
            .and(decided.get(DecideSessions.STATS))
            .and(tagged.get(TagConversations.STATS))
            .and(scored.get(ScoreSamples.STATS))
            .and(built.get(BuildSamples.STATS))
            .and(scrubbed.get(Scrub.STATS))
            .and(shortened.get(ShortenToolOutput.STATS))
            .and(deadLetters.get(Scrub.STATS))
            .and(filtered.get(QualityFilter.STATS))
            .and(deduped.get(Deduplicate.STATS))
            .and(balanced.get(BalanceRoles.STATS))
            .and(rendered.get(ToOutputLines.STATS))
            .and(renderedRejects.get(ToOutputLines.STATS))
            .and(renderedDeadLetters.get(ToOutputLines.STATS));
    stats
        .apply("CollectStats", CollectStats.create())
        .apply("AfterDatasets", Wait.on(datasets))
        .apply("WriteReport", WriteReport.to(paths.staging(), ReportContext.of(options, sources(paths, live), scrubber)));
  }

  /** Where each source was read from: the paths, and the live servers with their range. */
  static Map<String, String> sources(JobPaths paths, List<VictoriaQuery> live) {
    Map<String, String> sources = paths.sourcePaths();
    live.forEach(query -> sources.merge(query.source(), query.describe(), (a, b) -> a + "," + b));
    return sources;
  }
}
