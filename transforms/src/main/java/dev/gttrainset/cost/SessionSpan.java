package dev.gttrainset.cost;

import com.google.auto.value.AutoValue;
import dev.gttrainset.model.RoleTag;

/** When a tagged session ran, and as whom: all a cost record can be matched on. */
@AutoValue
public abstract class SessionSpan {
  public abstract String sessionId();

  public abstract RoleTag role();

  public abstract long firstMillis();

  public abstract long lastMillis();

  public static SessionSpan create(String sessionId, RoleTag role, long firstMillis, long lastMillis) {
    return new AutoValue_SessionSpan(sessionId, role, firstMillis, lastMillis);
  }
}
