package dev.podpath.ingest.kubernetes;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A YAML tree -> a fabric8 model object through the model's own {@code @JsonProperty} setters,
 * the same calls Jackson's bean deserializer makes, but looking only at the classes the tree
 * uses: Jackson builds a deserializer for every class reachable from the root type (about 500 for
 * a Pod), which was a quarter of a cold `check` (BENCHMARKS.md "Issue 6").
 *
 * <p>Only trees where that is plainly the same as Jackson's result are taken: every key a
 * property of its class, every value of exactly the property's type (String, Integer, Long,
 * Boolean, IntOrString, a list, a string map, or a nested model class without custom
 * deserialization), no nulls. Anything else (unknown keys, which Jackson keeps in
 * additionalProperties; values Jackson would coerce or reject) returns empty, and the caller
 * converts through Jackson, which also reports type errors. A test checks both paths give equal
 * objects on every Kubernetes document of the examples, test snapshots and corpus.
 */
final class SetterConversion {

  /** A class's settable properties by JSON name, or empty when the class is not plainly bindable. */
  private static final Map<Class<?>, Optional<Map<String, Method>>> PROPERTIES = new ConcurrentHashMap<>();

  private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

  /** Thrown inside a conversion to decline it; never leaves this class. */
  private static final class Decline extends Exception {
    private static final Decline INSTANCE = new Decline();

    private Decline() {
      super(null, null, false, false);
    }
  }

  private SetterConversion() {}

  /** The object, or empty when the tree needs Jackson. */
  static <T> Optional<T> convert(Object tree, Class<T> type) {
    try {
      return Optional.of(type.cast(value(tree, type)));
    } catch (Decline d) {
      return Optional.empty();
    }
  }

  private static Object value(Object v, Type type) throws Decline {
    if (v == null) {
      throw Decline.INSTANCE;
    }
    if (type instanceof Class<?> c) {
      if (c == String.class) {
        return exactly(v, String.class);
      }
      if (c == Integer.class) {
        return exactly(v, Integer.class);
      }
      if (c == Long.class) {
        if (v instanceof Integer i) {
          return i.longValue();
        }
        return exactly(v, Long.class);
      }
      if (c == Boolean.class) {
        return exactly(v, Boolean.class);
      }
      if (c == IntOrString.class) {
        // IntOrString's @JsonCreator IntOrString(Object) takes the plain int or string
        if (v instanceof Integer || v instanceof String) {
          return new IntOrString(v);
        }
        throw Decline.INSTANCE;
      }
      return bean(v, c);
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      Type[] args = p.getActualTypeArguments();
      if (raw == List.class && v instanceof List<?> l) {
        List<Object> out = new ArrayList<>(l.size());
        for (Object x : l) {
          out.add(value(x, args[0]));
        }
        return out;
      }
      if (raw == Map.class && args[0] == String.class && args[1] == String.class && v instanceof Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
          out.put(exactly(e.getKey(), String.class), value(e.getValue(), String.class));
        }
        return out;
      }
    }
    throw Decline.INSTANCE;
  }

  private static <T> T exactly(Object v, Class<T> type) throws Decline {
    if (v != null && v.getClass() == type) {
      return type.cast(v);
    }
    throw Decline.INSTANCE;
  }

  private static Object bean(Object v, Class<?> c) throws Decline {
    if (!(v instanceof Map<?, ?> m)) {
      throw Decline.INSTANCE;
    }
    Map<String, Method> props = PROPERTIES.computeIfAbsent(c, SetterConversion::properties).orElseThrow(() -> Decline.INSTANCE);
    try {
      Object out = c.getConstructor().newInstance();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        Method setter = e.getKey() instanceof String k ? props.get(k) : null;
        if (setter == null) {
          throw Decline.INSTANCE;
        }
        setter.invoke(out, value(e.getValue(), setter.getGenericParameterTypes()[0]));
      }
      return out;
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw Decline.INSTANCE;
    }
  }

  /** The @JsonProperty setters of a generated fabric8 model class (it has a @JsonAnySetter and no creator or type info). */
  private static Optional<Map<String, Method>> properties(Class<?> c) {
    if (!c.getName().startsWith(MODEL_PACKAGE) || c.isInterface() || Modifier.isAbstract(c.getModifiers())
        || c.isAnnotationPresent(JsonTypeInfo.class)
        || c.isAnnotationPresent(com.fasterxml.jackson.databind.annotation.JsonDeserialize.class)) {
      return Optional.empty();
    }
    try {
      c.getConstructor();
    } catch (NoSuchMethodException e) {
      return Optional.empty();
    }
    for (Constructor<?> k : c.getConstructors()) {
      if (k.isAnnotationPresent(JsonCreator.class)) {
        return Optional.empty();
      }
    }
    Map<String, Method> out = new HashMap<>();
    boolean anySetter = false;
    for (Method m : c.getMethods()) {
      if (Modifier.isStatic(m.getModifiers())) {
        if (m.isAnnotationPresent(JsonCreator.class)) {
          return Optional.empty();
        }
        continue;
      }
      if (m.isAnnotationPresent(JsonAnySetter.class)) {
        anySetter = true;
        continue;
      }
      JsonProperty p = m.getAnnotation(JsonProperty.class);
      if (p == null || m.getParameterCount() != 1 || m.getReturnType() != void.class) {
        continue;
      }
      if (p.value().isEmpty() || out.put(p.value(), m) != null) {
        return Optional.empty(); // a name Jackson derives, or two setters for one name: leave it to Jackson
      }
    }
    return anySetter ? Optional.of(Map.copyOf(out)) : Optional.empty();
  }
}
