package dev.gttrainset.pipeline;

import dev.gttrainset.model.GtRecord;
import dev.gttrainset.model.OutputLine;
import dev.gttrainset.model.SessionDecision;
import dev.gttrainset.outcome.ScoreSamples;
import dev.gttrainset.output.ReadPublishedHashes;
import dev.gttrainset.output.Records;
import dev.gttrainset.output.ToOutputLines;
import dev.gttrainset.output.WriteJsonlFiles;
import dev.gttrainset.gate.OutputGate;
import dev.gttrainset.parse.ReadGtLogs;
import dev.gttrainset.parse.ReadSessions;
import dev.gttrainset.parse.RunWindow;
import dev.gttrainset.parse.VictoriaQuery;
import dev.gttrainset.report.ReportContext;
import dev.gttrainset.report.WriteReport;
import dev.gttrainset.role.TagConversations;
import dev.gttrainset.sample.BalanceRoles;
import dev.gttrainset.sample.BuildSamples;
import dev.gttrainset.sample.Deduplicate;
import dev.gttrainset.sample.HashContent;
import dev.gttrainset.sample.QualityFilter;
import dev.gttrainset.sample.ShortenToolOutput;
import dev.gttrainset.scrub.PeopleInSessions;
import dev.gttrainset.scrub.Scrub;
import dev.gttrainset.scrub.ScrubRules;
import dev.gttrainset.scrub.Scrubber;
import dev.gttrainset.session.DecideSessions;
import dev.gttrainset.stats.CollectStats;
import dev.gttrainset.stats.Ledger;
import dev.gttrainset.tools.LearnToolTable;
import dev.gttrainset.tools.ToolTable;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * The whole job, top to bottom, each step named as in the README's "How it works": read sessions
 * and Gas Town logs, decide each session once (role, cost, outcome), join it to its conversations,
 * build samples, scrub, filter, deduplicate, balance, split and write. Each stage's statistics,
 * rejects and dead letters go to the {@link Ledger} where the stage is applied; once the datasets
 * are written, the statistics become {@code stats.json} and {@code REPORT.md}.
 */
public final class GtTrainsetPipeline {
  private GtTrainsetPipeline() {}

  /** @param live the telemetry servers to ask ({@link LiveTelemetry}) */
  public static void build(
      Pipeline pipeline, GtTrainsetOptions options, JobPaths paths, RunWindow window, List<VictoriaQuery> live) {
    Scrubber scrubber = new Scrubber(ScrubRules.without(OptionValues.skippedRules(options)));
    Records records = new Records(OptionValues.shape(options));
    OutputGate gate = OptionValues.leakGate(options);
    Ledger ledger = new Ledger(pipeline);

    PCollectionTuple sessions = ledger.record(pipeline.apply("ReadSessions", ReadSessions.from(paths.sessionRoots(), window).inGroups(options.getFileGroups())));
    ledger.recordStats(pipeline.apply("EntriesNotRead", EntriesNotRead.statsOf(paths.sessionRoots())));
    PCollection<GtRecord> gtRecords =
        ledger.record(pipeline.apply("ReadGtLogs", ReadGtLogs.of(paths.gtLogs()).andLive(live))).get(ReadGtLogs.RECORDS);

    PCollectionView<Map<String, SessionDecision>> decisions =
        ledger
            .record(sessions.get(ReadSessions.FACTS).apply("DecideSessions", DecideSessions.from(gtRecords, paths.layoutHints())))
            .get(DecideSessions.DECISIONS)
            .apply("DecisionBySession", View.asMap());
    PCollectionView<Map<String, String>> people =
        sessions.get(ReadSessions.CONVERSATIONS).apply("PeopleInSessions", PeopleInSessions.found());

    PCollectionTuple tagged =
        ledger.record(sessions.get(ReadSessions.CONVERSATIONS).apply("TagConversations", TagConversations.with(decisions)));
    PCollectionTuple built =
        ledger.record(tagged.get(TagConversations.TAGGED).apply("BuildSamples", BuildSamples.with(OptionValues.windower(options), OptionValues.split(options))));
    PCollectionTuple scrubbed = ledger.record(built.get(BuildSamples.SAMPLES).apply("Scrub", Scrub.samples(scrubber, people)));
    PCollectionTuple shortened =
        ledger.record(
            scrubbed
                .get(Scrub.SAMPLES)
                .apply("ShortenToolOutput", ShortenToolOutput.to(options.getMaxSampleTokens(), options.getMaxToolResultChars())));
    PCollectionTuple scored =
        ledger.record(
            shortened.get(ShortenToolOutput.SAMPLES).apply("HashContent", HashContent.create()).apply("ScoreSamples", ScoreSamples.create()));
    PCollectionView<ToolTable> tools = scored.get(ScoreSamples.SAMPLES).apply("LearnTools", LearnToolTable.fromCalls());

    PCollectionTuple filtered =
        ledger.record(scored.get(ScoreSamples.SAMPLES).apply("QualityFilter", QualityFilter.of(OptionValues.qualityRules(options))));
    PCollectionView<List<String>> published =
        pipeline.apply("PublishedBefore", ReadPublishedHashes.from(paths.publishedDatasets()));
    PCollectionTuple deduped =
        ledger.record(
            filtered.get(QualityFilter.KEPT).apply("Deduplicate", Deduplicate.of(options.getNearDupThreshold(), published)));
    PCollectionTuple balanced =
        ledger.record(
            deduped.get(Deduplicate.SURVIVORS).apply("BalanceRoles", BalanceRoles.with(OptionValues.roleBalance(options))));
    PCollectionTuple rendered =
        ledger.record(balanced.get(BalanceRoles.SAMPLES).apply("SplitAndRender", ToOutputLines.samples(records, gate, tools)));

    PCollectionTuple rejects = ledger.record(ledger.rejects().apply("RenderRejects", ToOutputLines.rejects(records, gate, tools)));
    PCollectionTuple deadLetters =
        ledger.record(
            ledger
                .record(ledger.deadLetters().apply("ScrubDeadLetters", Scrub.deadLetters(scrubber, people)))
                .get(Scrub.DEAD_LETTERS)
                .apply("RenderDeadLetters", ToOutputLines.deadLetters(gate)));

    PCollection<String> datasets =
        PCollectionList.of(rendered.get(ToOutputLines.LINES))
            .and(rejects.get(ToOutputLines.LINES))
            .and(deadLetters.get(ToOutputLines.LINES))
            .apply("AllOutputLines", Flatten.<OutputLine>pCollections())
            .apply("WriteDatasets", WriteJsonlFiles.to(paths.staging()));
    ledger
        .stats()
        .apply("CollectStats", CollectStats.create())
        .apply("AfterDatasets", Wait.on(datasets))
        .apply("WriteReport", WriteReport.to(paths.staging(), ReportContext.of(OptionValues.reportSettings(options), sources(paths, live), scrubber)));
  }

  /** Where each source was read from: the paths, and the live servers with their range. */
  static Map<String, String> sources(JobPaths paths, List<VictoriaQuery> live) {
    Map<String, String> sources = paths.sourcePaths();
    live.forEach(query -> sources.merge(query.source(), query.describe(), (a, b) -> a + "," + b));
    return sources;
  }
}
