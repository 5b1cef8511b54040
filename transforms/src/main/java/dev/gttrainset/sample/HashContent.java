package dev.gttrainset.sample;

import dev.gttrainset.model.Sample;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;

/** Sets each sample's {@code content_sha256} ({@link ContentHash}), once its text is final. */
public final class HashContent extends PTransform<PCollection<Sample>, PCollection<Sample>> {
  public static HashContent create() {
    return new HashContent();
  }

  @Override
  public PCollection<Sample> expand(PCollection<Sample> samples) {
    return samples.apply(
        "Sha256",
        MapElements.into(TypeDescriptor.of(Sample.class))
            .via((Sample s) -> s.toBuilder().setContentSha256(ContentHash.of(s)).build()));
  }
}
