package dev.whodecides.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An Open Data Contract Standard document (kind DataContract, apiVersion v3.x). Only what decision
 * rights need is lifted out; the rest of the document (schemas, properties, checks) is not kept, as
 * a large catalog holds thousands of contracts. {@code whodecides verify} reads contracts itself.
 */
public record DataContract(
    String id,
    String name,
    String dataProduct,
    String status,
    String apiVersion,
    String file,
    int line,
    int qualityRules,
    int slaProperties) {

  /** Active and promising something checkable: a quality rule or a service-level property. */
  public boolean givesGuarantees() {
    return "active".equalsIgnoreCase(status) && (qualityRules > 0 || slaProperties > 0);
  }

  /** The name an entity must have for this contract to cover it without an annotation. */
  public String matchName() {
    String n = dataProduct != null && !dataProduct.isBlank() ? dataProduct : name;
    return n == null ? null : n.toLowerCase(Locale.ROOT);
  }

  /** A short label for messages: the id, else the name, else the file. */
  public String label() {
    return id != null ? id : name != null ? name : file;
  }

  /** Reads the guarantee-relevant parts of a parsed ODCS document. */
  public static DataContract of(Map<String, Object> doc, String file, int line) {
    int quality = count(doc.get("quality"));
    Object schema = doc.get("schema");
    if (schema instanceof List<?> objects) {
      for (Object o : objects) {
        if (o instanceof Map<?, ?> obj) {
          quality += count(obj.get("quality"));
          if (obj.get("properties") instanceof List<?> props) {
            quality += countProperties(props);
          }
        }
      }
    }
    return new DataContract(
        str(doc.get("id")),
        str(doc.get("name")),
        str(doc.get("dataProduct")),
        str(doc.get("status")),
        str(doc.get("apiVersion")),
        file,
        line,
        quality,
        count(doc.get("slaProperties")));
  }

  private static int countProperties(List<?> props) {
    int n = 0;
    for (Object p : props) {
      if (p instanceof Map<?, ?> prop) {
        n += count(prop.get("quality"));
        // ODCS nests properties of objects and arrays (items.properties).
        if (prop.get("properties") instanceof List<?> nested) {
          n += countProperties(nested);
        }
        if (prop.get("items") instanceof Map<?, ?> items && items.get("properties") instanceof List<?> nested) {
          n += countProperties(nested);
        }
      }
    }
    return n;
  }

  private static int count(Object o) {
    return o instanceof List<?> l ? l.size() : 0;
  }

  private static String str(Object o) {
    return o == null || o instanceof Map || o instanceof List ? null : o.toString();
  }
}
