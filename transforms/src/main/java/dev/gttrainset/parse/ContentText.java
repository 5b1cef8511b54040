package dev.gttrainset.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The text of a tool result's {@code content}: a string, or a list of text and image blocks. */
final class ContentText {
  private ContentText() {}

  static String of(JsonNode content) {
    if (content == null || content.isNull() || content.isMissingNode()) {
      return "";
    }
    if (content.isTextual()) {
      return content.asText();
    }
    if (!content.isArray()) {
      return Json.compact(content);
    }
    List<String> parts = new ArrayList<>();
    for (JsonNode block : content) {
      if (block.isTextual()) {
        parts.add(block.asText());
      } else if ("text".equals(Json.text(block, "type"))) {
        parts.add(Json.text(block, "text"));
      } else {
        parts.add("[" + Json.text(block, "type") + "]");
      }
    }
    return String.join("\n", parts);
  }
}
