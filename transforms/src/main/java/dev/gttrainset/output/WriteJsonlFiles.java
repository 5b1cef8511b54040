package dev.gttrainset.output;

import dev.gttrainset.model.OutputLine;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Writes every output line to {@code <output>/<file>.jsonl}, one file per name, sorted by the
 * lines' sort keys, by an external merge sort: each bundle writes its lines as sorted runs,
 * holding at most {@link #RUN_CHARS} characters of them at a time; the runs of a file meet in a
 * GroupByKey (their paths, never the lines) and are merged into the file. So no runner holds a
 * whole file in memory or sends its lines to one worker, and a file's bytes depend on its content
 * only. The runs stay in {@code <output>/}{@value #RUNS} for whoever publishes the files to remove.
 * Runs and files are written with {@code java.nio}: every worker must see the output folder at the
 * same path (a local or mounted file system), as the README says for Flink clusters.
 */
public final class WriteJsonlFiles extends PTransform<PCollection<OutputLine>, PCollection<String>> {
  /** Where the runs are written, inside the output folder. */
  public static final String RUNS = "_runs";

  /** Characters of lines a bundle buffers before it writes them as a run: some 64 MB of heap. */
  static final long RUN_CHARS = 32L * 1024 * 1024;

  private final String outputDirectory;
  private final long runChars;

  private WriteJsonlFiles(String outputDirectory, long runChars) {
    this.outputDirectory = outputDirectory;
    this.runChars = runChars;
  }

  public static WriteJsonlFiles to(String outputDirectory) {
    return new WriteJsonlFiles(outputDirectory, RUN_CHARS);
  }

  /** With runs of at most {@code runChars} characters of lines each. */
  WriteJsonlFiles withRunChars(long runChars) {
    return new WriteJsonlFiles(outputDirectory, runChars);
  }

  /** @return the names of the files written, e.g. {@code mayor_train.jsonl} */
  @Override
  public PCollection<String> expand(PCollection<OutputLine> lines) {
    return lines
        .apply("WriteSortedRuns", ParDo.of(new WriteRunsFn(outputDirectory, runChars)))
        .apply("GroupRunsByFile", GroupByKey.create())
        .apply("MergeRuns", ParDo.of(new MergeRunsFn(outputDirectory)));
  }

  /** Buffers lines by file; writes each file's buffer as a sorted run when full and at the end. */
  private static final class WriteRunsFn extends DoFn<OutputLine, KV<String, String>> {
    private final String outputDirectory;
    private final long runChars;
    private transient Map<String, List<OutputLine>> buffered;
    private transient long bufferedChars;

    WriteRunsFn(String outputDirectory, long runChars) {
      this.outputDirectory = outputDirectory;
      this.runChars = runChars;
    }

    @StartBundle
    public void startBundle() {
      buffered = new TreeMap<>();
      bufferedChars = 0;
    }

    @ProcessElement
    public void process(@Element OutputLine line, OutputReceiver<KV<String, String>> out) throws IOException {
      buffered.computeIfAbsent(line.file(), f -> new ArrayList<>()).add(line);
      bufferedChars += line.sortKey().length() + line.json().length();
      if (bufferedChars >= runChars) {
        for (KV<String, String> run : writeRuns()) {
          out.output(run);
        }
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) throws IOException {
      for (KV<String, String> run : writeRuns()) {
        context.output(run, BoundedWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE);
      }
    }

    private List<KV<String, String>> writeRuns() throws IOException {
      List<KV<String, String>> runs = new ArrayList<>();
      for (Map.Entry<String, List<OutputLine>> file : buffered.entrySet()) {
        Path folder = Paths.get(outputDirectory, RUNS, file.getKey());
        runs.add(KV.of(file.getKey(), SortedRun.write(folder, file.getValue()).toString()));
      }
      buffered.clear();
      bufferedChars = 0;
      return runs;
    }
  }

  /** Merges the runs of one file into the file. */
  private static final class MergeRunsFn extends DoFn<KV<String, Iterable<String>>, String> {
    private final String outputDirectory;

    MergeRunsFn(String outputDirectory) {
      this.outputDirectory = outputDirectory;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<String>> file, OutputReceiver<String> out) throws IOException {
      List<Path> runs = new ArrayList<>();
      file.getValue().forEach(run -> runs.add(Paths.get(run)));
      String name = file.getKey() + ".jsonl";
      SortedRun.merge(runs, file.getKey(), Paths.get(outputDirectory, name));
      out.output(name);
    }
  }
}
