package dev.gttrainset.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gttrainset.model.Sample;
import java.util.Locale;

/** The dataset record shapes the job writes. */
public enum RecordFormat {
  /** OpenAI chat: messages with tool_calls and tool replies, read by TRL, Axolotl and OpenAI. */
  OPENAI {
    @Override
    ObjectNode body(Sample sample, boolean keepThinking) {
      return OpenAiRecord.body(sample, keepThinking);
    }
  },
  /** ShareGPT conversations, strictly alternating human and gpt, tool calls as text blocks. */
  SHAREGPT {
    @Override
    ObjectNode body(Sample sample, boolean keepThinking) {
      return ShareGptRecord.body(sample, keepThinking);
    }
  };

  /** The record without its metadata. */
  abstract ObjectNode body(Sample sample, boolean keepThinking);

  public static RecordFormat parse(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--format must be openai or sharegpt, not \"" + name + "\"", e);
    }
  }
}
