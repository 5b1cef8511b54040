package dev.gttrainset.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.parse.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first samples of each role's file, drawn as the conversation a model will learn from: the
 * system prompt and tool calls and replies folded, context turns (weight 0) marked as not trained,
 * and this job's placeholders highlighted, so a person can judge the data before training on it.
 */
final class SampleConversations {
  static final int PER_ROLE = 2;
  /** Characters of one message shown; the file has the rest. */
  private static final int SHOWN_CHARS = 4000;
  private static final Pattern PLACEHOLDER = Pattern.compile("\\[REDACTED:[a-z0-9\\-]{1,60}\\]");
  private static final Pattern SHAREGPT_BLOCK =
      Pattern.compile("<(tool_call|tool_response)>\\n?(.*?)\\n?</\\1>", Pattern.DOTALL);

  static final String STYLE =
      ".sample{border:1px solid #ccc;border-radius:6px;padding:8px 12px;margin:0 0 16px;max-width:1100px}"
          + ".m{margin:6px 0}.m pre{white-space:pre-wrap;margin:2px 0 2px 12px;font-size:13px}"
          + ".role{font-weight:bold}.user .role{color:#4e79a7}.assistant .role{color:#59a14f}"
          + ".context{opacity:.6}.note{font-size:12px;color:#777}mark.placeholder{background:#ffe08a}"
          + "details.fold summary{cursor:pointer;color:#555;font-size:13px}";

  private SampleConversations() {}

  /** The samples of every role with a written file in {@code folder}, as HTML sections. */
  static String html(Path folder, JsonNode stats) {
    StringBuilder html = new StringBuilder();
    for (Map.Entry<String, JsonNode> role : AvailabilityReport.rolesBySamples(stats)) {
      String split = role.getValue().path("train").asLong() > 0 ? "train" : "val";
      long count = role.getValue().path(split).asLong();
      Path file = folder.resolve(role.getKey() + "_" + split + ".jsonl");
      if (count == 0 || !Files.isRegularFile(file)) {
        continue;
      }
      html.append("<section class=\"samples\" id=\"samples-").append(role.getKey()).append("\"><h2>")
          .append(SvgCharts.escape(role.getKey())).append(": the first ").append(Math.min(PER_ROLE, count))
          .append(" of ").append(Markdown.plural(count, "sample")).append(" in <code>")
          .append(file.getFileName()).append("</code></h2>\n");
      List<JsonNode> records = first(file);
      for (int i = 0; i < records.size(); i++) {
        html.append("<article class=\"sample\"><div class=\"note\">line ").append(i + 1).append("</div>\n");
        JsonNode record = records.get(i);
        if (record.has("conversations")) {
          shareGpt(html, record.get("conversations"));
        } else {
          messages(html, record.path("messages"));
        }
        html.append("</article>\n");
      }
      html.append("</section>\n");
    }
    return html.toString();
  }

  private static List<JsonNode> first(Path file) {
    List<JsonNode> records = new java.util.ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null && records.size() < PER_ROLE; line = reader.readLine()) {
        records.add(Json.MAPPER.readTree(line));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return records;
  }

  private static void messages(StringBuilder html, JsonNode messages) {
    Map<String, String> names = new java.util.HashMap<>();
    for (JsonNode m : messages) {
      String role = m.path("role").asText();
      String text = m.path("content").asText();
      if (role.equals("system")) {
        fold(html, "system", "system prompt", text);
      } else if (role.equals("tool")) {
        String tool = names.getOrDefault(m.path("tool_call_id").asText(), "a call");
        fold(html, "tool", "reply to " + tool + " (" + Markdown.plural(text.length(), "character") + ")", text);
      } else {
        boolean context = m.path("weight").asInt(1) == 0;
        html.append("<div class=\"m ").append(role).append(context ? " context" : "").append("\"><span class=\"role\">")
            .append(role).append("</span>");
        if (context) {
          html.append(" <span class=\"note\">context, not trained here</span>");
        }
        if (!text.isEmpty()) {
          pre(html, text);
        }
        for (JsonNode call : m.path("tool_calls")) {
          String name = call.at("/function/name").asText();
          names.put(call.path("id").asText(), name);
          JsonNode arguments = call.at("/function/arguments");
          String shown = arguments.isTextual() ? arguments.asText() : Json.compact(arguments);
          fold(html, "call", "calls " + name + " " + abbreviate(shown, 100), shown);
        }
        html.append("</div>\n");
      }
    }
  }

  private static void shareGpt(StringBuilder html, JsonNode turns) {
    for (JsonNode turn : turns) {
      String from = turn.path("from").asText();
      String value = turn.path("value").asText();
      if (from.equals("system")) {
        fold(html, "system", "system prompt", value);
        continue;
      }
      html.append("<div class=\"m ").append(from.equals("gpt") ? "assistant" : "user").append("\"><span class=\"role\">")
          .append(SvgCharts.escape(from)).append("</span>");
      Matcher block = SHAREGPT_BLOCK.matcher(value);
      int at = 0;
      while (block.find()) {
        if (!value.substring(at, block.start()).isBlank()) {
          pre(html, value.substring(at, block.start()).strip());
        }
        String kind = block.group(1).equals("tool_call") ? "call" : "reply";
        fold(html, kind, kind + " " + abbreviate(block.group(2), 100), block.group(2));
        at = block.end();
      }
      if (!value.substring(at).isBlank()) {
        pre(html, value.substring(at).strip());
      }
      html.append("</div>\n");
    }
  }

  private static void fold(StringBuilder html, String kind, String summary, String text) {
    html.append("<details class=\"fold ").append(kind).append("\"><summary>").append(marked(SvgCharts.escape(summary)))
        .append("</summary>");
    pre(html, text);
    html.append("</details>\n");
  }

  private static void pre(StringBuilder html, String text) {
    String shown = text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS);
    html.append("<pre>").append(marked(SvgCharts.escape(shown)));
    if (shown.length() < text.length()) {
      html.append("\n<span class=\"note\">[… ").append(Markdown.n(text.length() - shown.length()))
          .append(" more characters in the file]</span>");
    }
    html.append("</pre>");
  }

  /** Marks this job's placeholders in escaped text (escaping leaves their brackets as they are). */
  private static String marked(String escaped) {
    return PLACEHOLDER.matcher(escaped).replaceAll("<mark class=\"placeholder\">$0</mark>");
  }

  private static String abbreviate(String text, int max) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() <= max ? line : line.substring(0, max) + "…";
  }
}
