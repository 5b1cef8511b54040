package dev.gttrainset.testdata;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * What each role is asked and what it does about it, one exchange at a time: a prompt, tool calls
 * with their results, a closing answer. Patrols repeat almost verbatim, as they do in a real town.
 */
final class Scenes {
  private static final DateTimeFormatter BEACON_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter PATROL_TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
  /** One crew exchange in this many is a long task. */
  private static final int LONG_TASK_ONE_IN = 8;

  private final SplittableRandom random;
  private final ToolOutputs tools;
  private final Ids ids;
  private final GtLogs logs;
  private long plantedSecrets;
  /** Boot's word-for-word triages, by outcome: all but the first of each are exact repeats. */
  private final Map<Boolean, Long> verbatimTriages = new TreeMap<>();

  private final Nudges nudges;

  Scenes(SplittableRandom random, Ids ids, GtLogs logs, Nudges nudges) {
    this.random = random;
    this.tools = new ToolOutputs(random);
    this.ids = ids;
    this.logs = logs;
    this.nudges = nudges;
  }

  long plantedSecrets() {
    return plantedSecrets;
  }

  /** Sessions whose one sample is word for word an earlier session's. */
  long exactRepeats() {
    return verbatimTriages.values().stream().mapToLong(n -> n - 1).sum();
  }

  /** A tool call and what came back. */
  private record Step(String tool, Map<String, String> input, String output, boolean error) {
    static Step bash(String command, String output) {
      return new Step("Bash", fields("command", command), output, false);
    }
  }

  private static Map<String, String> fields(String... keysAndValues) {
    Map<String, String> input = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      input.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return input;
  }

  /** Writes the agent's next exchange; the first one of a Gas Town session starts with its beacon. */
  void exchange(TranscriptWriter transcript, Agent agent, boolean first) throws IOException {
    List<Step> steps = new ArrayList<>();
    String prompt;
    String answer;
    String rig = agent.rig();
    switch (agent.role()) {
      case MAYOR:
        if (first) {
          prompt = beacon(agent, "human", transcript, "cold-start", "Check your hook and mail, then act on what you find.");
          steps.add(Step.bash("gt hook", random.nextBoolean() ? "Nothing on your hook." : "Hooked: " + tools.bead() + "  Convoy: release 0." + random.nextInt(20)));
          steps.add(Step.bash("gt mail inbox", mailInbox()));
        } else {
          String otherRig = tools.pick(ToolOutputs.RIGS);
          switch (random.nextInt(4)) {
            case 0:
              prompt = "What's in the " + otherRig + " merge queue?";
              steps.add(Step.bash("gt mq list " + otherRig, mergeQueue()));
              break;
            case 1:
              String doc = "docs/design/" + tools.pick(List.of("convoys", "patrols", "hooks", "beads", "handoffs")) + ".md";
              prompt = "Plan the next step for " + doc + " in " + otherRig + ".";
              steps.add(new Step("Read", fields("file_path", agent.cwd() + "/" + doc), designDoc(), false));
              steps.add(new Step("Grep", fields("pattern", "TODO", "path", Agent.TOWN + "/" + otherRig), grepHits(), false));
              break;
            case 2:
              String bead = tools.bead();
              prompt = "Sling " + bead + " to " + otherRig + ".";
              steps.add(Step.bash("gt sling " + bead + " " + otherRig, "Slung " + bead + " to " + otherRig + "/polecats/" + tools.pick(ToolOutputs.POLECATS) + " (spawned)"));
              break;
            default:
              String convoy = tools.bead();
              prompt = "How is convoy " + convoy + " doing?";
              steps.add(Step.bash("gt convoy status " + convoy, convoyStatus(convoy)));
          }
          if (random.nextInt(30) == 0) {
            prompt = prompt + " Then send the summary to " + FakeCredentials.email() + ".";
            steps.add(Step.bash("gt mail send --to " + FakeCredentials.email() + " --subject summary", "Sent to " + FakeCredentials.email()));
            plantedSecrets++;
          }
        }
        answer = tools.paragraph(2 + random.nextInt(5));
        break;
      case DEACON:
        prompt = beacon(agent, "daemon", transcript, "patrol", "Run your patrol.");
        steps.add(Step.bash("gt status", tools.townStatus()));
        steps.add(Step.bash("gt deacon health-check", "All agents responded to the health check."));
        // Patrol reports follow the deacon's template: they differ in counts, times and ids.
        int agents = 8 + random.nextInt(9);
        answer = "Patrol " + clockTime(transcript, 0) + ": all " + agents + " agents are healthy and nothing needs the mayor."
            + " The mayor, the " + (1 + random.nextInt(4)) + " witnesses and the refineries answered the health check by "
            + clockTime(transcript, 1) + "; no polecat is stuck (" + random.nextInt(6) + " working: " + tools.bead() + ", "
            + tools.bead() + "), no merge queue is backed up (" + random.nextInt(4) + " pending), no convoy is waiting on "
            + tools.bead() + ", and " + random.nextInt(3) + " mails wait for the deacon. Next patrol at " + clockTime(transcript, 10) + ".";
        break;
      case WITNESS:
        String polecat = tools.pick(ToolOutputs.POLECATS);
        prompt = beacon(agent, "deacon", transcript, "patrol", "Patrol the rig.");
        // Nudges typed into the session while it waited open its next turn.
        List<String> received = nudges.take(rig, transcript.clock());
        if (!received.isEmpty()) {
          prompt = String.join("\n", received) + "\n\n" + prompt;
        }
        steps.add(Step.bash("gt polecat list " + rig, tools.polecatList(2 + random.nextInt(6))));
        steps.add(Step.bash("gt peek " + rig + "/polecats/" + polecat, tools.peek(polecat, 20 + random.nextInt(60))));
        if (random.nextInt(4) == 0) {
          steps.add(Step.bash("gt nudge " + rig + "/polecats/" + polecat + " 'status?'", "Nudged " + polecat + "."));
        }
        answer = "Patrol " + clockTime(transcript, 0) + ": " + polecat + " is working on its hook ("
            + (5 + random.nextInt(90)) + " minutes in) and answered the peek; the other " + random.nextInt(6) + " polecats"
            + " of " + rig + " are where they should be. No polecat needs a nudge or a restart, the refinery has "
            + random.nextInt(3) + " merge requests waiting from this rig, and nothing needs to go to the deacon. Next"
            + " patrol at " + clockTime(transcript, 5) + ".";
        break;
      case REFINERY:
        int mr = 10 + random.nextInt(500);
        prompt = beacon(agent, "witness", transcript, "patrol", "Process the merge queue.");
        steps.add(Step.bash("gt mq list " + rig, mergeQueue()));
        steps.add(Step.bash("git fetch origin && git merge --no-ff polecat/" + tools.pick(ToolOutputs.POLECATS) + "-" + tools.bead(), tools.gitDiff(tools.goFile(), 1 + random.nextInt(4))));
        boolean red = random.nextInt(6) == 0;
        steps.add(Step.bash("go test ./...", tools.goTest(15 + random.nextInt(60), red)));
        if (!red) {
          steps.add(Step.bash("gt mq merged mr-" + mr, "mr-" + mr + " merged into main"));
        }
        answer = red ? "mr-" + mr + " fails its tests; sent it back to the polecat." : "Merged mr-" + mr + "; main is green.";
        break;
      case CREW:
      case POLECAT:
        String file = tools.goFile();
        if (agent.role() == Role.POLECAT && first) {
          prompt = beacon(agent, "witness", transcript, "work", "Work your hook.");
          steps.add(Step.bash("gt hook", "Hooked: " + tools.bead() + "  " + tools.sentence()));
        } else if (agent.role() == Role.POLECAT) {
          prompt = beacon(agent, "witness", transcript, "nudge", "Are you stuck? Report your status.");
        } else if (!first && random.nextInt(LONG_TASK_ONE_IN) == 0) {
          // Real main agents work long: one task, many files, longer than a sample's budget.
          prompt = "Move every store in internal/ to the new context API, one file at a time, and keep the tests green.";
          longTask(agent, steps);
          answer = tools.paragraph(4 + random.nextInt(4));
          break;
        } else {
          prompt = "Refactor " + file + " so that " + tools.sentence().toLowerCase(Locale.ROOT);
        }
        workOnCode(agent, file, steps);
        if (agent.role() == Role.POLECAT && random.nextInt(3) == 0) {
          steps.add(Step.bash("gt done", "Submitted to the merge queue as mr-" + (10 + random.nextInt(500)) + "."));
        }
        answer = tools.paragraph(3 + random.nextInt(6));
        break;
      case BOOT:
        // Now and then a triage without a time in its beacon is word for word an earlier one:
        // exact duplicates for dedup to find, about as rare as in a real town.
        boolean verbatim = random.nextBoolean();
        prompt = verbatim
            ? "[GAS TOWN] " + agent.beaconRecipient() + " <- daemon • triage\n\nTriage the deacon."
            : beacon(agent, "daemon", transcript, "triage", "Triage the deacon.");
        boolean alive = random.nextInt(5) > 0;
        if (verbatim) {
          verbatimTriages.merge(alive, 1L, Long::sum);
        }
        steps.add(Step.bash("gt deacon status", alive ? "deacon: alive (patrolling)" : "deacon: stale (no patrol in 20m)"));
        answer = alive ? "The deacon is alive; nothing to do." : "The deacon is stale; nudging it.";
        break;
      case DOG:
        // A dog takes one piece of the deacon's infrastructure work, reports back and goes idle.
        String plugin = tools.pick(List.of("compact-wisps", "dolt-backup", "stale-branches", "orphan-sweep"));
        prompt = beacon(agent, "deacon", transcript, "plugin:" + plugin, "Run the " + plugin + " plugin across the rigs and report back.");
        int found = random.nextInt(40);
        String rigs = String.join(", ", ToolOutputs.RIGS);
        steps.add(Step.bash("gt plugin run " + plugin + " --rigs " + rigs, plugin + ": " + found + " items across " + rigs + "; " + random.nextInt(found + 1) + " acted on."));
        steps.add(Step.bash("gt mail send deacon -s '" + plugin + " done'", "Sent to deacon."));
        answer = "Ran " + plugin + " on " + rigs + ": " + found + " items found and reported to the deacon. Going idle.";
        break;
      default:
        prompt = tools.pick(List.of("Add an RSS feed to the blog.", "Why does the build fail?", "Tidy up the CSS.", "Write a post about LoRA."));
        workOnCode(agent, "src/" + tools.pick(List.of("feed", "build", "style", "post")) + ".ts", steps);
        answer = tools.paragraph(2 + random.nextInt(4));
    }
    write(transcript, agent, prompt, steps, answer);
  }

  /** Reads and edits a dozen files or more, each edit changing a line its read showed. */
  private void longTask(Agent agent, List<Step> steps) {
    int files = 8 + random.nextInt(8);
    for (int f = 0; f < files; f++) {
      String path = agent.cwd() + "/" + tools.goFile();
      String source = tools.readGoFile(path.substring(agent.cwd().length() + 1), 150 + random.nextInt(200));
      List<String> signatures = new ArrayList<>();
      for (String line : source.split("\n")) {
        String code = line.substring(line.indexOf('\t') + 1);
        if (code.startsWith("func (s *")) {
          signatures.add(code);
        }
      }
      steps.add(new Step("Read", fields("file_path", path), source, false));
      String old = tools.pick(signatures);
      steps.add(new Step("Edit", fields("file_path", path, "old_string", old, "new_string", old.replace("(ctx context.Context, ", "(ctx context.Context, opts Options, ")),
          "The file " + path + " has been updated.", false));
      if (random.nextInt(3) == 0) {
        steps.add(new Step("Bash", fields("command", "go test ./internal/...", "description", "Run the tests"), tools.goTest(10 + random.nextInt(80), false), false));
      }
    }
  }

  /** The transcript's time plus some minutes, as a patrol report writes it. */
  private static String clockTime(TranscriptWriter transcript, int plusMinutes) {
    return PATROL_TIME.format(transcript.clock().plusSeconds(60L * plusMinutes));
  }

  private void workOnCode(Agent agent, String file, List<Step> steps) {
    String path = agent.cwd() + "/" + file;
    steps.add(new Step("Read", fields("file_path", path), tools.readGoFile(file, 60 + random.nextInt(400)), false));
    if (random.nextInt(20) == 0) {
      steps.add(new Step("Read", fields("file_path", agent.cwd() + "/.env"), FakeCredentials.envFile(random), false));
      plantedSecrets++;
    }
    if (random.nextBoolean()) {
      steps.add(new Step("Grep", fields("pattern", ToolOutputs.capital(tools.pick(List.of("claim", "resolve", "merge"))), "path", agent.cwd()), grepHits(), false));
    }
    steps.add(new Step("Edit", fields("file_path", path, "old_string", "if err != nil {", "new_string", "if err != nil && !errors.Is(err, ErrGone) {"), "The file " + path + " has been updated.", false));
    boolean red = random.nextInt(5) == 0;
    steps.add(new Step("Bash", fields("command", "go test ./internal/...", "description", "Run the tests"), tools.goTest(10 + random.nextInt(80), red), red));
    if (random.nextInt(40) == 0) {
      steps.add(Step.bash(FakeCredentials.curlWithToken(), "[]"));
      plantedSecrets++;
    }
    steps.add(Step.bash("git diff", tools.gitDiff(file, 1 + random.nextInt(5))));
  }

  private void write(TranscriptWriter transcript, Agent agent, String prompt, List<Step> steps, String answer)
      throws IOException {
    transcript.user(prompt);
    int i = 0;
    while (i < steps.size()) {
      // Now and then two calls in one response, their results after both; never an edit beside the
      // read that shows its lines.
      int calls = i + 1 < steps.size() && random.nextInt(7) == 0 && !steps.get(i + 1).tool().equals("Edit") ? 2 : 1;
      List<Block> blocks = new ArrayList<>();
      // Boot's triage has no words of its own around the call, so its sessions repeat verbatim; patrols
      // mostly say nothing either but their report.
      boolean chatty = agent.role() != Role.BOOT && !(agent.patrols() && random.nextInt(4) > 0);
      if (chatty && random.nextInt(3) == 0) {
        blocks.add(Block.thinking(tools.sentence(), "EqQBCkYIBxgCKkB" + ids.agentId() + ids.agentId()));
      }
      if (chatty && random.nextBoolean()) {
        blocks.add(Block.text(tools.sentence()));
      }
      List<String> callIds = new ArrayList<>();
      for (int c = 0; c < calls; c++) {
        Step step = steps.get(i + c);
        String id = ids.toolUseId();
        callIds.add(id);
        blocks.add(Block.toolUse(id, step.tool(), step.input()));
        String command = step.input().get("command");
        if (command != null && command.startsWith("gt ")) {
          logs.command(transcript.clock(), agent, command);
        }
      }
      transcript.assistant(blocks, "tool_use", 40 + random.nextInt(400));
      for (int c = 0; c < calls; c++) {
        Step step = steps.get(i + c);
        transcript.toolResult(callIds.get(c), step.output(), step.error());
      }
      i += calls;
    }
    transcript.assistant(List.of(Block.text(answer)), "end_turn", 60 + answer.length() / 4);
    transcript.stopHookSummary();
  }

  private String beacon(Agent agent, String sender, TranscriptWriter transcript, String topic, String text) {
    return "[GAS TOWN] " + agent.beaconRecipient() + " <- " + sender + " • " + BEACON_TIME.format(transcript.clock()) + " • "
        + topic + "\n\n" + text;
  }

  private String mailInbox() {
    int mails = 1 + random.nextInt(8);
    StringBuilder out = new StringBuilder("Inbox (" + mails + " unread)\n");
    for (int i = 1; i <= mails; i++) {
      out.append(String.format(Locale.ROOT, "  %d. from %-24s \"%s\"\n", i, tools.pick(ToolOutputs.RIGS) + "/crew/" + tools.pick(ToolOutputs.CREW), tools.sentence()));
    }
    return out.toString();
  }

  private String mergeQueue() {
    int pending = random.nextInt(6);
    StringBuilder out = new StringBuilder("merge queue: " + pending + " pending\n");
    for (int i = 0; i < pending; i++) {
      out.append(String.format(Locale.ROOT, "  mr-%d  polecat/%s-%s  %s\n", 10 + random.nextInt(500), tools.pick(ToolOutputs.POLECATS), tools.bead(), random.nextBoolean() ? "ready  (tests passed)" : "waiting"));
    }
    return out.toString();
  }

  private String convoyStatus(String convoy) {
    StringBuilder out = new StringBuilder("Convoy " + convoy + "\n");
    int beads = 2 + random.nextInt(8);
    for (int i = 0; i < beads; i++) {
      out.append("  [").append(random.nextBoolean() ? 'x' : ' ').append("] ").append(tools.bead()).append("  ")
          .append(tools.sentence()).append('\n');
    }
    return out.toString();
  }

  private String designDoc() {
    StringBuilder out = new StringBuilder();
    int sections = 3 + random.nextInt(8);
    int line = 1;
    for (int s = 0; s < sections; s++) {
      out.append(String.format(Locale.ROOT, "%6d\t## %s\n", line++, tools.sentence()));
      for (int p = 0; p < 2 + random.nextInt(5); p++) {
        out.append(String.format(Locale.ROOT, "%6d\t%s\n", line++, tools.paragraph(3 + random.nextInt(4))));
      }
    }
    return out.toString();
  }

  private String grepHits() {
    StringBuilder out = new StringBuilder();
    int hits = 1 + random.nextInt(25);
    for (int i = 0; i < hits; i++) {
      out.append(tools.goFile()).append(':').append(1 + random.nextInt(400)).append(":\t// TODO: ").append(tools.sentence()).append('\n');
    }
    return out.toString();
  }
}
