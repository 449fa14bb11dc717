package dev.whodecides.mcp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tool's output schema read off the report record that produces its JSON, so the schema an agent is
 * promised and the JSON the command line prints cannot drift apart. Text may be null; a field written only
 * when set ({@code @JsonInclude}) is optional; a sealed interface is one of its records. Every answer is a
 * JSON object, as the protocol asks of structured content.
 */
final class OutputSchema {

  private OutputSchema() {}

  static Map<String, Object> of(Class<?> type) {
    return schema(type);
  }

  private static Map<String, Object> schema(Type t) {
    if (t == String.class) {
      return Map.of("type", List.of("string", "null"));
    }
    if (t == boolean.class) {
      return Map.of("type", "boolean");
    }
    if (t == int.class || t == long.class) {
      return Map.of("type", "integer");
    }
    if (t == float.class || t == double.class) {
      return Map.of("type", "number");
    }
    if (t instanceof ParameterizedType p && p.getRawType() == List.class) {
      return Map.of("type", "array", "items", schema(p.getActualTypeArguments()[0]));
    }
    if (t instanceof Class<?> c && c.isRecord()) {
      return object(c);
    }
    if (t instanceof Class<?> c && c.isSealed()) {
      return Map.of("type", "object",
          "oneOf", Arrays.stream(c.getPermittedSubclasses()).map(OutputSchema::schema).toList());
    }
    throw new IllegalArgumentException("no JSON schema for " + t.getTypeName());
  }

  private static Map<String, Object> object(Class<?> record) {
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (RecordComponent c : record.getRecordComponents()) {
      // Jackson's annotations do not target record components; Java hands them on to the accessor.
      Method accessor = c.getAccessor();
      if (accessor.isAnnotationPresent(JsonUnwrapped.class)) {
        throw new IllegalArgumentException("no JSON schema for the unwrapped " + record.getName() + "." + c.getName());
      }
      JsonProperty renamed = accessor.getAnnotation(JsonProperty.class);
      String name = renamed == null || renamed.value().isEmpty() ? c.getName() : renamed.value();
      properties.put(name, schema(c.getGenericType()));
      if (!accessor.isAnnotationPresent(JsonInclude.class)) {
        required.add(name);
      }
    }
    return Map.of("type", "object", "properties", properties, "required", required);
  }
}
