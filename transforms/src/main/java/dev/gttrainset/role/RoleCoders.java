package dev.gttrainset.role;

import java.util.List;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviderRegistrar;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.values.TypeDescriptor;

/** The coder of the one role type sent between stages, registered beside the model's through {@code META-INF/services}. */
public final class RoleCoders implements CoderProviderRegistrar {
  @Override
  public List<CoderProvider> getCoderProviders() {
    return List.of(CoderProviders.forCoder(TypeDescriptor.of(TownLayout.class), TownLayout.TownLayoutCoder.of()));
  }
}
