package dev.gttrainset.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.parse.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers of {@code stats.json} that decide a run, bound by Jackson: whether every line and
 * every sample is accounted for, the leak gate's counts, the dead letters, and each role's
 * counts. The summary, the dead-letter check and the report's balance lines read these, not
 * string paths; the report's sections read the rest of the document.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunStats(Lines lines, Samples samples, FileCounts files, Gate leakGate, Map<String, RoleCounts> roles) {
  public RunStats(
      @JsonProperty("lines") Lines lines,
      @JsonProperty("samples") Samples samples,
      @JsonProperty("files") FileCounts files,
      @JsonProperty("leak_gate") Gate leakGate,
      @JsonProperty("roles") Map<String, RoleCounts> roles) {
    this.lines = lines == null ? new Lines(0, 0, Map.of(), 0) : lines;
    this.samples = samples == null ? new Samples(0, 0, 0, 0, 0) : samples;
    this.files = files == null ? new FileCounts(0) : files;
    this.leakGate = leakGate == null ? new Gate(0, 0) : leakGate;
    this.roles = roles == null ? Map.of() : new LinkedHashMap<>(roles);
  }

  /** Every line read is used, skipped by type, or a dead letter. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Lines(
      @JsonProperty("read") long read,
      @JsonProperty("used") long used,
      @JsonProperty("skipped") Map<String, Long> skipped,
      @JsonProperty("dead_letters") long deadLetters) {
    public long skippedTotal() {
      return skipped == null ? 0 : skipped.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** Every sample built (or repeated by balance) is written, a duplicate, or rejected. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Samples(
      @JsonProperty("built") long built,
      @JsonProperty("repeated") long repeated,
      @JsonProperty("written") long written,
      @JsonProperty("duplicates") long duplicates,
      @JsonProperty("rejected") long rejected) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record FileCounts(@JsonProperty("failed") long failed) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Gate(@JsonProperty("findings") long findings, @JsonProperty("quarantined_samples") long quarantined) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RoleCounts(
      @JsonProperty("sessions") long sessions,
      @JsonProperty("samples") long samples,
      @JsonProperty("train") long train,
      @JsonProperty("val") long val) {}

  public static RunStats of(JsonNode document) {
    try {
      return Json.MAPPER.treeToValue(document, RunStats.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("stats.json does not hold a run's statistics: " + e.getOriginalMessage(), e);
    }
  }

  public static RunStats read(Path statsJson) throws IOException {
    return of(Json.MAPPER.readTree(Files.readString(statsJson)));
  }

  /** Lines read minus those used, skipped and dead-lettered: 0 when every line is accounted for. */
  public long linesBalance() {
    return lines.read() - lines.used() - lines.skippedTotal() - lines.deadLetters();
  }

  /** Samples built and repeated minus those written, duplicated and rejected: 0 when none went missing. */
  public long samplesBalance() {
    return samples.built() + samples.repeated() - samples.written() - samples.duplicates() - samples.rejected();
  }

  /** Lines that were dead letters, failed files counted as well. */
  public long deadLetters() {
    return lines.deadLetters() + files.failed();
  }
}
