package dev.whodecides.guarantees;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an ODCS contract (v3.0.x or v3.1.0), accepting the older {@code isNullable}/{@code isUnique},
 * validates it against the official JSON Schema and reports the first problem with its field and line.
 */
public final class ContractReader {

  private static final String SCHEMA = "odcs-json-schema-v3.1.0.json";
  private static volatile Schema schema;

  private ContractReader() {}

  /** Reads and validates {@code file}; {@code display} is the path reports show. */
  public static Contract read(Path file, String display) throws ContractError {
    String text;
    try {
      text = Files.readString(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new ContractError(display + ": no such contract file");
    } catch (java.nio.file.AccessDeniedException e) {
      throw new ContractError(display + ": cannot read the contract: permission denied");
    } catch (java.nio.charset.MalformedInputException e) {
      throw new ContractError(display + ": cannot read the contract: it is not UTF-8 text");
    } catch (IOException e) {
      throw new ContractError(display + ": cannot read the contract; check that it is a readable file");
    }
    Map<String, Integer> lines = new HashMap<>();
    Object doc;
    try (JsonParser p = new YAMLFactory().createParser(text)) {
      if (p.nextToken() == null) {
        throw new ContractError(display + ":1: the contract is empty");
      }
      doc = value(p, "", lines);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      throw new ContractError(display + ":" + (loc == null ? 1 : loc.getLineNr()) + ": not valid YAML: "
          + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!(doc instanceof Map<?, ?>)) {
      throw new ContractError(display + ":1: a contract must be a YAML mapping with apiVersion, kind, id and schema");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> root = (Map<String, Object>) doc;
    normalize(root);
    validate(root, display, lines);
    try {
      return build(root, file, display);
    } catch (ClassCastException e) {
      // the schema check normally catches this first; Java's cast message means nothing to a contract's author
      throw new ContractError(display + ":1: a field holds a list, mapping or text where the ODCS schema expects"
          + " another kind of value; check the servers and schema entries against the ODCS schema");
    }
  }

  /** Builds the value at the parser's current token, recording each JSON pointer's line. */
  private static Object value(JsonParser p, String pointer, Map<String, Integer> lines) throws IOException {
    lines.put(pointer, p.currentTokenLocation().getLineNr());
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String k = p.currentName();
          int line = p.currentTokenLocation().getLineNr();
          p.nextToken();
          String child = pointer + "/" + k.replace("~", "~0").replace("/", "~1");
          m.put(k, value(p, child, lines));
          lines.put(child, line);
        }
        return m;
      }
      case START_ARRAY -> {
        List<Object> l = new ArrayList<>();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          l.add(value(p, pointer + "/" + i++, lines));
        }
        return l;
      }
      case VALUE_NUMBER_INT -> {
        return p.getNumberValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return p.getDoubleValue();
      }
      case VALUE_TRUE -> {
        return true;
      }
      case VALUE_FALSE -> {
        return false;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> {
        return p.getText();
      }
    }
  }

  /** Rewrites the older datacontract-cli field names into their ODCS v3 equivalents. */
  @SuppressWarnings("unchecked")
  private static void normalize(Object node) {
    if (node instanceof Map<?, ?> raw) {
      Map<String, Object> m = (Map<String, Object>) raw;
      if (m.get("isNullable") instanceof Boolean b) {
        m.remove("isNullable");
        m.putIfAbsent("required", !b);
      }
      if (m.get("isUnique") instanceof Boolean b) {
        m.remove("isUnique");
        m.putIfAbsent("unique", b);
      }
      m.values().forEach(ContractReader::normalize);
    } else if (node instanceof List<?> l) {
      l.forEach(ContractReader::normalize);
    }
  }

  private static Schema schema() {
    if (schema == null) {
      synchronized (ContractReader.class) {
        if (schema == null) {
          try (InputStream in = ContractReader.class.getResourceAsStream(SCHEMA)) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09)
                .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    return schema;
  }

  private static void validate(Map<String, Object> root, String display, Map<String, Integer> lines) throws ContractError {
    String json;
    try {
      // The issue asks for logicalTypeOptions.enum, which the v3.1.0 schema does not list yet; it
      // is checked by whodecides and left out of schema validation only.
      ObjectMapper mapper = new ObjectMapper();
      @SuppressWarnings("unchecked")
      Map<String, Object> copy = mapper.readValue(mapper.writeValueAsString(root), Map.class);
      withoutEnumOption(copy);
      json = mapper.writeValueAsString(copy);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Error> errors = schema().validate(json, InputFormat.JSON);
    if (errors.isEmpty()) {
      return;
    }
    // The deepest error is the most specific one; oneOf/anyOf wrappers report at their parent.
    Error best = errors.get(0);
    for (var e : errors) {
      if (e.getInstanceLocation().getNameCount() > best.getInstanceLocation().getNameCount()) {
        best = e;
      }
    }
    var at = best.getInstanceLocation();
    StringBuilder pointer = new StringBuilder();
    StringBuilder field = new StringBuilder();
    for (int i = 0; i < at.getNameCount(); i++) {
      Object el = at.getElement(i);
      pointer.append('/').append(el);
      if (el instanceof Integer n) {
        field.append('[').append(n).append(']');
      } else {
        field.append(field.length() == 0 ? "" : ".").append(el);
      }
    }
    if (best.getProperty() != null && "required".equals(best.getKeyword())) {
      field.append(field.length() == 0 ? "" : ".").append(best.getProperty());
    }
    int line = lines.getOrDefault(pointer.toString(), 1);
    String msg = best.getMessage().replaceFirst("^\\$[^:]*:\\s*", "");
    throw new ContractError(display + ":" + line + ": field '" + (field.length() == 0 ? "(top level)" : field)
        + "' breaks the ODCS schema: " + msg);
  }

  @SuppressWarnings("unchecked")
  private static void withoutEnumOption(Object node) {
    if (node instanceof Map<?, ?> m) {
      if (m.get("logicalTypeOptions") instanceof Map<?, ?> opts) {
        ((Map<String, Object>) opts).remove("enum");
      }
      m.values().forEach(ContractReader::withoutEnumOption);
    } else if (node instanceof List<?> l) {
      l.forEach(ContractReader::withoutEnumOption);
    }
  }

  @SuppressWarnings("unchecked")
  private static Contract build(Map<String, Object> root, Path file, String display) {
    List<Contract.Server> servers = new ArrayList<>();
    for (Object o : list(root.get("servers"))) {
      Map<String, Object> s = (Map<String, Object>) o;
      servers.add(new Contract.Server(str(s.get("server")), str(s.get("type")), str(s.get("host")),
          s.get("port") instanceof Number n ? n.intValue() : null, str(s.get("database")), str(s.get("schema")),
          str(s.get("path")), str(s.get("format")), str(s.get("catalog"))));
    }
    List<Contract.SchemaObject> objects = new ArrayList<>();
    for (Object o : list(root.get("schema"))) {
      Map<String, Object> s = (Map<String, Object>) o;
      List<Contract.Property> props = new ArrayList<>();
      for (Object po : list(s.get("properties"))) {
        Map<String, Object> p = (Map<String, Object>) po;
        props.add(new Contract.Property(str(p.get("name")), str(p.get("physicalName")), str(p.get("logicalType")),
            str(p.get("physicalType")), Boolean.TRUE.equals(p.get("required")), Boolean.TRUE.equals(p.get("unique")),
            Boolean.TRUE.equals(p.get("primaryKey")),
            p.get("logicalTypeOptions") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of(),
            maps(p.get("quality"))));
      }
      objects.add(new Contract.SchemaObject(str(s.get("name")), str(s.get("physicalName")), props, maps(s.get("quality"))));
    }
    return new Contract(str(root.get("id")), display, file, servers, objects, maps(root.get("slaProperties")),
        str(root.get("slaDefaultElement")));
  }

  private static List<?> list(Object o) {
    return o instanceof List<?> l ? l : List.of();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object o) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object x : list(o)) {
      if (x instanceof Map<?, ?> m) {
        out.add((Map<String, Object>) m);
      }
    }
    return out;
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }
}
