package dev.gttrainset.coders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.Conversation;
import dev.gttrainset.model.ConversationFacts;
import dev.gttrainset.model.DeadLetter;
import dev.gttrainset.model.DedupCandidate;
import dev.gttrainset.model.Duplicate;
import dev.gttrainset.model.GtRecord;
import dev.gttrainset.model.ModelCoders;
import dev.gttrainset.model.OutputLine;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.model.Sample;
import dev.gttrainset.model.ScoreComponent;
import dev.gttrainset.model.SessionDecision;
import dev.gttrainset.model.SessionOutcome;
import dev.gttrainset.model.TaggedConversation;
import dev.gttrainset.model.ToolCall;
import dev.gttrainset.role.RoleCoders;
import dev.gttrainset.role.TownLayout;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderProviderRegistrar;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every coder the job registers, round-tripped on a value whose every field differs from its
 * default: a field a coder forgets to write comes back as its default and fails the test. The
 * values are made by the types' own builders and factories, a distinct value per setter.
 */
class RegisteredCodersTest {
  /** Every registered type; a registrar's new entry without one here fails {@link #everyRegisteredTypeIsListed}. */
  private static final List<Class<?>> TYPES =
      List.of(
          ChatMessage.class, Conversation.class, ConversationFacts.class, DeadLetter.class, DedupCandidate.class,
          Duplicate.class, GtRecord.class, OutputLine.class, RoleTag.class, Sample.class, ScoreComponent.class,
          SessionDecision.class, SessionOutcome.class, TaggedConversation.class, ToolCall.class, TownLayout.class);

  private static int next = 1;

  static Stream<Class<?>> types() {
    return TYPES.stream();
  }

  @Test
  void everyRegisteredTypeIsListed() {
    int registered = 0;
    for (CoderProviderRegistrar registrar : ServiceLoader.load(CoderProviderRegistrar.class)) {
      if (registrar instanceof ModelCoders || registrar instanceof RoleCoders) {
        registered += registrar.getCoderProviders().size();
      }
    }
    assertEquals(TYPES.size(), registered);
  }

  @ParameterizedTest
  @MethodSource("types")
  <T> void aValueComesBackEqualWithTheSameBytes(Class<T> type) throws Exception {
    Coder<T> coder = CoderRegistry.createDefault().getCoder(TypeDescriptor.of(type));
    T value = type.cast(example(type));
    byte[] bytes = CoderUtils.encodeToByteArray(coder, value);
    T back = CoderUtils.decodeFromByteArray(coder, bytes);
    assertEquals(value, back);
    assertArrayEquals(bytes, CoderUtils.encodeToByteArray(coder, back));
    coder.verifyDeterministic();
  }

  @ParameterizedTest
  @MethodSource("types")
  void twoDifferentValuesEncodeDifferently(Class<?> type) throws Exception {
    @SuppressWarnings("unchecked")
    Coder<Object> coder = (Coder<Object>) CoderRegistry.createDefault().getCoder(TypeDescriptor.of(type));
    Object one = example(type);
    Object other = example(type);
    assertNotEquals(one, other);
    assertNotEquals(Arrays.toString(CoderUtils.encodeToByteArray(coder, one)), Arrays.toString(CoderUtils.encodeToByteArray(coder, other)));
  }

  /** A value of a type, every part of it new. */
  private static Object example(Type type) throws Exception {
    if (type instanceof ParameterizedType parameterized) {
      Type[] arguments = parameterized.getActualTypeArguments();
      Class<?> raw = (Class<?>) parameterized.getRawType();
      if (Map.class.isAssignableFrom(raw)) {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put(example(arguments[0]), example(arguments[1]));
        map.put(example(arguments[0]), example(arguments[1]));
        return map;
      }
      return List.of(example(arguments[0]), example(arguments[0]));
    }
    Class<?> c = (Class<?>) type;
    int n = next++;
    if (c == String.class) {
      return "v" + n;
    } else if (c == long.class || c == Long.class) {
      return 1000L + n;
    } else if (c == int.class || c == Integer.class) {
      return 100 + n;
    } else if (c == double.class || c == Double.class) {
      return n + 0.25;
    } else if (c == boolean.class || c == Boolean.class) {
      return true;
    } else if (c == BigDecimal.class) {
      return new BigDecimal(n + ".50");
    } else if (c == int[].class) {
      return new int[] {n, n + 1, -n};
    } else if (c.isEnum()) {
      Object[] constants = c.getEnumConstants();
      return constants[1 + n % (constants.length - 1)];
    } else if (c == TownLayout.class) {
      return TownLayout.create(List.of("/town" + n), List.of("rig" + n), List.of("p" + n + "=rig" + n));
    } else if (c == DedupCandidate.class) {
      return DedupCandidate.of((Sample) example(Sample.class), true, (int[]) example(int[].class));
    } else if (c == Duplicate.class) {
      return Duplicate.nearOf((DedupCandidate) example(DedupCandidate.class), (DedupCandidate) example(DedupCandidate.class));
    }
    return built(c);
  }

  /** A value made by the type's builder, every setter given a new value, or by its widest factory. */
  private static Object built(Class<?> c) throws Exception {
    for (Method method : c.getMethods()) {
      if (Modifier.isStatic(method.getModifiers()) && method.getName().equals("builder")) {
        Object builder = method.invoke(null, args(method));
        for (Method setter : builder.getClass().getMethods()) {
          if (setter.getName().startsWith("set") && setter.getParameterCount() == 1) {
            setter.setAccessible(true);
            setter.invoke(builder, example(setter.getGenericParameterTypes()[0]));
          }
        }
        Method build = builder.getClass().getMethod("build");
        build.setAccessible(true);
        return build.invoke(builder);
      }
    }
    Method factory =
        Arrays.stream(c.getMethods())
            .filter(m -> Modifier.isStatic(m.getModifiers()) && m.getReturnType() == c)
            .max(Comparator.comparingInt(Method::getParameterCount))
            .orElseThrow(() -> new AssertionError(c + " has no builder or factory to make an example with"));
    return factory.invoke(null, args(factory));
  }

  private static Object[] args(Method method) throws Exception {
    List<Object> args = new ArrayList<>();
    for (Type parameter : method.getGenericParameterTypes()) {
      args.add(example(parameter));
    }
    return args.toArray();
  }
}
