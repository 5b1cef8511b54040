package dev.gttrainset.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one Jackson configuration used to read inputs and write outputs. */
public final class Json {
  /** Deeper than any real transcript; bounds the parser's stack on hostile input. */
  public static final int MAX_NESTING_DEPTH = 200;

  /** One string value (a tool result, a pasted file) may be large, but not unbounded. */
  public static final int MAX_STRING_LENGTH = 32 * 1024 * 1024;

  public static final ObjectMapper MAPPER =
      new ObjectMapper(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_NESTING_DEPTH)
                          .maxStringLength(MAX_STRING_LENGTH)
                          .build())
                  .build())
          // Two records glued on one line are not one record.
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          // Money as 10, never as 1E+1.
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private Json() {}

  /** Parses one line; the exception's reason id tells a dead letter what went wrong. */
  public static JsonNode parse(String line) throws JsonLineException {
    try {
      return MAPPER.readTree(line);
    } catch (StreamConstraintsException e) {
      throw new JsonLineException("json-limit-exceeded", e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new JsonLineException("invalid-json", e.getOriginalMessage());
    }
  }

  /** Compact JSON text of a node; field order as read, so the same input gives the same text. */
  public static String compact(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed tree always serializes", e);
    }
  }

  /** A field's text, or "" when it is absent or not a string. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : "";
  }

  /** A line that is not usable JSON, with a stable reason id. */
  public static final class JsonLineException extends Exception {
    private final String reason;

    JsonLineException(String reason, String message) {
      super(message);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }
}
