package dev.gttrainset.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gttrainset.gate.Leak;
import com.google.auto.value.AutoValue;
import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.DeadLetter;
import dev.gttrainset.model.Sample;
import dev.gttrainset.parse.GtLogParser;
import dev.gttrainset.parse.Json;
import dev.gttrainset.parse.Timestamps;
import java.io.Serializable;
import java.math.BigDecimal;
import dev.gttrainset.tools.ToolTable;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Turns samples, rejects and dead letters into the JSON lines of the output files. */
public final class Records implements Serializable {
  /** How samples are written: the format and what the user's chat template needs of it. */
  @AutoValue
  public abstract static class Shape implements Serializable {
    public abstract RecordFormat format();

    public abstract boolean keepThinking();

    public abstract ToolCallIds toolCallIds();

    public abstract CallsPerMessage callsPerMessage();

    public static Shape of(
        RecordFormat format, boolean keepThinking, ToolCallIds toolCallIds, CallsPerMessage callsPerMessage) {
      return new AutoValue_Records_Shape(format, keepThinking, toolCallIds, callsPerMessage);
    }
  }

  /** A sample's dataset line, and its metadata line when the format keeps metadata beside. */
  public static final class Lines {
    public final String record;
    /** The line for {@code <file>.meta.jsonl}; null when the metadata is in the record. */
    public final String metadata;

    Lines(String record, String metadata) {
      this.record = record;
      this.metadata = metadata;
    }
  }

  private final Shape shape;

  public Records(Shape shape) {
    this.shape = shape;
  }

  public Lines sample(Sample sample, ToolTable tools) {
    ObjectNode record = body(sample, tools);
    if (shape.format().metadataBeside()) {
      return new Lines(Json.compact(record), Json.compact(metadata(sample)));
    }
    record.set("metadata", metadata(sample));
    return new Lines(Json.compact(record), null);
  }

  /**
   * A rejected sample: the record it would have been, with its metadata and the reason in it in
   * every format (rejects are read by people, not uploaded).
   */
  public String reject(String reason, Sample sample, ToolTable tools) {
    ObjectNode record = body(sample, tools);
    ObjectNode metadata = metadata(sample);
    metadata.put("reject_reason", reason);
    record.set("metadata", metadata);
    return Json.compact(record);
  }

  /** The record without metadata: messages as the trainer's template needs them. */
  private ObjectNode body(Sample sample, ToolTable tools) {
    List<ChatMessage> messages = shape.toolCallIds().apply(shape.callsPerMessage().apply(sample.messages()));
    return shape.format().body(messages, tools, sample.role().role().id(), shape);
  }

  /**
   * A line the leak gate keeps out of a dataset or a file: the record's place (role, session,
   * sample, hash), the reason it is not where it would be, and what the gate found where, never
   * the text. {@code reason} is {@code leak-gate} for a sample, the reject's own for a reject.
   */
  public static String withheld(String reason, Sample sample, List<Leak> leaks) {
    ObjectNode metadata = Json.MAPPER.createObjectNode();
    metadata.put("gt_role", sample.role().role().id());
    metadata.put("session_id", sample.sessionId());
    metadata.put("agent_id", sample.agentId());
    metadata.put("sample_index", sample.sampleIndex());
    metadata.put("repeat_index", sample.repeatIndex());
    metadata.put("split", sample.split());
    metadata.put("content_sha256", sample.contentSha256());
    metadata.put("reject_reason", reason);
    leakList(metadata, leaks);
    return inMetadata(metadata);
  }

  /** A dead letter whose excerpt the leak gate withholds; file, line and reason stay. */
  public static String withheld(DeadLetter d, List<Leak> leaks) {
    ObjectNode record = deadLetterRecord(d, "excerpt withheld by the leak gate", "");
    leakList(record, leaks);
    return Json.compact(record);
  }

  /** The last resort when even a withheld record's own fields hold a leak: the findings alone. */
  public static String findingsOnly(String reason, List<Leak> leaks) {
    ObjectNode metadata = Json.MAPPER.createObjectNode();
    metadata.put("reject_reason", reason);
    leakList(metadata, leaks);
    return inMetadata(metadata);
  }

  private static String inMetadata(ObjectNode metadata) {
    ObjectNode record = Json.MAPPER.createObjectNode();
    record.set("metadata", metadata);
    return Json.compact(record);
  }

  private static void leakList(ObjectNode into, List<Leak> leaks) {
    ArrayNode list = into.putArray("leak_gate");
    for (Leak leak : leaks) {
      list.addObject().put("rule", leak.rule).put("at", leak.location);
    }
  }

  public static String deadLetter(DeadLetter d) {
    return Json.compact(deadLetterRecord(d, d.detail(), d.excerpt()));
  }

  private static ObjectNode deadLetterRecord(DeadLetter d, String detail, String excerpt) {
    ObjectNode record = Json.MAPPER.createObjectNode();
    record.put("source", d.source());
    record.put("file", d.file());
    record.put("line", d.line());
    record.put("reason", d.reason());
    record.put("detail", detail);
    record.put("excerpt", excerpt);
    return record;
  }

  private static ObjectNode metadata(Sample sample) {
    ObjectNode metadata = Json.MAPPER.createObjectNode();
    metadata.put("gt_role", sample.role().role().id());
    metadata.put("rig", sample.role().rig());
    metadata.put("worker", sample.role().worker());
    metadata.put("session_id", sample.sessionId());
    metadata.put("agent_id", sample.agentId());
    metadata.put("sample_index", sample.sampleIndex());
    metadata.put("source_file", sample.sourceFile());
    metadata.put("role_signal", sample.role().signal());
    metadata.put("content_sha256", sample.contentSha256());
    metadata.put("split", sample.split());
    metadata.put("repeat_index", sample.repeatIndex());
    metadata.put("first_timestamp", Timestamps.format(sample.firstTimestampMillis()));
    metadata.put("est_tokens", sample.estTokens());
    if (sample.costMicros() == Sample.NO_COST) {
      metadata.putNull("cost_usd");
    } else {
      metadata.put("cost_usd", GtLogParser.dollars(sample.costMicros()));
    }
    ObjectNode redactions = metadata.putObject("redactions");
    sample.redactions().forEach(redactions::put);
    ObjectNode quality = metadata.putObject("quality");
    quality.put("score", sample.score());
    ArrayNode flags = quality.putArray("flags");
    sample.qualityFlags().forEach(flags::add);
    ObjectNode components = quality.putObject("components");
    sample.scoreComponents().forEach(
        (name, c) -> components.putObject(name).put("value", c.value()).put("weight", c.weight()).put("signal", c.signal()));
    // Words and numbers in one object, by name.
    ObjectNode outcome = metadata.putObject("outcome");
    Set<String> names = new TreeSet<>(sample.outcome().keySet());
    names.addAll(sample.outcomeNumbers().keySet());
    for (String name : names) {
      BigDecimal number = sample.outcomeNumbers().get(name);
      if (number != null) {
        outcome.put(name, number);
      } else {
        outcome.put(name, sample.outcome().get(name));
      }
    }
    return metadata;
  }
}
