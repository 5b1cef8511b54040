package dev.gttrainset.scrub;

import dev.gttrainset.model.ConversationFacts;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The home folder names the sessions ran under, read off their working directories ({@code
 * /home/alice/...}, {@code /Users/alice/...}), for the scrubber to know them in every spelling.
 */
public final class HomeUsers extends PTransform<PCollection<ConversationFacts>, PCollectionView<List<String>>> {
  private static final Pattern HOME = Pattern.compile("^(?:/home/|/Users/|[A-Za-z]:\\\\Users\\\\)([^/\\\\]{1,64})");

  public static HomeUsers fromWorkingDirectories() {
    return new HomeUsers();
  }

  @Override
  public PCollectionView<List<String>> expand(PCollection<ConversationFacts> conversations) {
    return conversations
        .apply(
            "UserOfCwd",
            FlatMapElements.into(TypeDescriptors.strings())
                .via((ConversationFacts c) -> userOf(c.cwd()).map(List::of).orElse(List.of())))
        .apply("DistinctUsers", Distinct.create())
        .apply("AsList", View.asList());
  }

  static Optional<String> userOf(String path) {
    Matcher home = HOME.matcher(path);
    return home.find() ? Optional.of(home.group(1)) : Optional.empty();
  }
}
