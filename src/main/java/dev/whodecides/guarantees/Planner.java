package dev.whodecides.guarantees;

import dev.whodecides.guarantees.Check.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a contract's schema, quality rules and service levels into checks. */
public final class Planner {

  private Planner() {}

  /** The checks of a contract, in contract order. Rules that cannot be run (a custom engine) are left out. */
  public static List<Check> plan(Contract c) throws ContractError {
    List<Check> out = new ArrayList<>();
    for (Contract.SchemaObject o : c.objects()) {
      String t = o.table();
      out.add(check("objectExists", o.name(), null, Guarantee.COMPLETENESS, Metric.OBJECT_EXISTS, t, null, null, null));
      for (Contract.Property p : o.properties()) {
        String col = p.column();
        out.add(check("propertyExists", o.name(), p.name(), Guarantee.COMPLETENESS, Metric.PROPERTY_EXISTS, t, col, null, null));
        if (p.logicalType() != null) {
          out.add(check("propertyType", o.name(), p.name(), Guarantee.INTEGRITY, Metric.PROPERTY_TYPE, t, col, null, null)
              .withText(p.logicalType()));
        }
        if (p.required()) {
          out.add(check("required", o.name(), p.name(), Guarantee.COMPLETENESS, Metric.NULLS, t, col, null, Threshold.equalTo(0)));
        }
        if (p.primaryKey()) {
          out.add(check("primaryKey", o.name(), p.name(), Guarantee.INTEGRITY, Metric.PRIMARY_KEY, t, col, null, Threshold.equalTo(0)));
        }
        if (p.unique()) {
          out.add(check("unique", o.name(), p.name(), Guarantee.INTEGRITY, Metric.DUPLICATES, t, col, null, Threshold.equalTo(0)));
        }
        options(out, o, p);
        for (Map<String, Object> q : p.quality()) {
          quality(out, c, o, p, q);
        }
      }
      for (Map<String, Object> q : o.quality()) {
        quality(out, c, o, null, q);
      }
    }
    for (Map<String, Object> sla : c.slaProperties()) {
      sla(out, c, sla);
    }
    return out;
  }

  private static void options(List<Check> out, Contract.SchemaObject o, Contract.Property p) throws ContractError {
    Map<String, Object> opts = p.options();
    if (opts == null) {
      return;
    }
    String t = o.table();
    String col = p.column();
    for (Map.Entry<String, Object> e : opts.entrySet()) {
      Object v = e.getValue();
      Metric m = switch (e.getKey()) {
        case "minLength" -> Metric.TOO_SHORT;
        case "maxLength" -> Metric.TOO_LONG;
        case "pattern" -> Metric.PATTERN_MISMATCH;
        case "minimum" -> Metric.BELOW_MIN;
        case "maximum" -> Metric.ABOVE_MAX;
        case "exclusiveMinimum" -> Metric.NOT_ABOVE;
        case "exclusiveMaximum" -> Metric.NOT_BELOW;
        case "enum" -> Metric.NOT_IN_ENUM;
        default -> null;
      };
      if (m == null || v == null || v instanceof Boolean) {
        continue; // format, timezone, precision and the like describe the type, not the rows
      }
      List<Object> values = v instanceof List<?> l ? new ArrayList<>(l) : List.of(v);
      // Lengths must be numbers; bounds may also be dates or timestamps, compared as literals.
      if ((m == Metric.TOO_SHORT || m == Metric.TOO_LONG) && !(v instanceof Number)) {
        throw new ContractError("logicalTypeOptions." + e.getKey() + " of " + o.name() + "." + p.name()
            + " must be a number, not '" + v + "'");
      }
      out.add(new Check(e.getKey(), o.name(), p.name(), Guarantee.QUALITY, m, t, col, null, values,
          String.valueOf(v), Threshold.equalTo(0), 0));
    }
  }

  private static void quality(List<Check> out, Contract c, Contract.SchemaObject o, Contract.Property p,
      Map<String, Object> q) throws ContractError {
    String where = o.name() + (p == null ? "" : "." + p.name());
    String type = q.get("type") == null ? null : q.get("type").toString().toLowerCase(Locale.ROOT);
    Threshold th;
    try {
      th = Threshold.of(q);
    } catch (IllegalArgumentException e) {
      throw new ContractError("quality rule of " + where + ": " + e.getMessage());
    }
    String t = o.table();
    String col = p == null ? null : p.column();
    String prop = p == null ? null : p.name();
    if ("sql".equals(type)) {
      Object query = q.get("query");
      if (query == null || th == null) {
        throw new ContractError("sql quality rule of " + where + " needs a query and a mustBe... comparison");
      }
      out.add(new Check("sql", o.name(), prop, Guarantee.ofDimension(q.get("dimension"), Guarantee.QUALITY), Metric.SQL,
          t, col, null, null, query.toString(), th, 0));
      return;
    }
    if ("custom".equals(type) || "text".equals(type)) {
      return; // another engine's rule or prose: nothing whodecides can run
    }
    Object metricName = q.get("metric") != null ? q.get("metric") : q.get("rule");
    if (metricName == null) {
      return;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> args = q.get("arguments") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    String name = metricName.toString();
    Guarantee dflt;
    Metric metric;
    List<Object> values = null;
    List<String> columns = null;
    String text = null;
    switch (name) {
      case "nullValues", "nullCheck" -> {
        metric = Metric.NULLS;
        dflt = Guarantee.COMPLETENESS;
      }
      case "missingValues" -> {
        metric = Metric.MISSING;
        dflt = Guarantee.COMPLETENESS;
        values = list(args.get("missingValues"), q.get("missingValues"));
      }
      case "invalidValues", "validValues" -> {
        dflt = Guarantee.QUALITY;
        Object pattern = args.getOrDefault("pattern", q.get("pattern"));
        if (pattern != null) {
          metric = Metric.INVALID_PATTERN;
          text = pattern.toString();
        } else {
          metric = Metric.INVALID_VALUES;
          values = list(args.get("validValues"), q.get("validValues"));
          if (values == null) {
            throw new ContractError("invalidValues rule of " + where + " needs arguments.validValues or arguments.pattern");
          }
        }
      }
      case "duplicateValues", "uniqueCheck" -> {
        dflt = Guarantee.INTEGRITY;
        List<Object> props = list(args.get("properties"), q.get("properties"));
        if (p == null && props != null) {
          metric = Metric.DUPLICATE_ROWS;
          columns = props.stream().map(x -> column(o, x.toString())).toList();
        } else if (p == null) {
          metric = Metric.DUPLICATE_ROWS;
          columns = o.properties().stream().map(Contract.Property::column).toList();
        } else {
          metric = Metric.DUPLICATES;
        }
      }
      case "rowCount", "countCheck" -> {
        metric = Metric.ROW_COUNT;
        dflt = Guarantee.COMPLETENESS;
      }
      default -> throw new ContractError("quality rule of " + where + " names metric '" + name
          + "'; use nullValues, missingValues, invalidValues, duplicateValues or rowCount");
    }
    if (th == null) {
      throw new ContractError("quality rule " + name + " of " + where + " needs a comparison such as mustBe: 0");
    }
    if ((metric == Metric.NULLS || metric == Metric.MISSING || metric == Metric.INVALID_VALUES
        || metric == Metric.INVALID_PATTERN || metric == Metric.DUPLICATES) && col == null) {
      throw new ContractError("quality rule " + name + " of " + where + " belongs on a property");
    }
    out.add(new Check(name, o.name(), prop, Guarantee.ofDimension(q.get("dimension"), dflt), metric, t, col, columns,
        values, text, th, 0));
  }

  private static String column(Contract.SchemaObject o, String property) {
    return o.properties().stream().filter(p -> p.name().equals(property)).map(Contract.Property::column)
        .findFirst().orElse(property);
  }

  private static List<Object> list(Object a, Object b) {
    Object v = a != null ? a : b;
    if (v == null) {
      return null;
    }
    return v instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>(List.of(v));
  }

  private static void sla(List<Check> out, Contract c, Map<String, Object> sla) throws ContractError {
    String property = String.valueOf(sla.get("property"));
    Metric metric = switch (property.toLowerCase(Locale.ROOT)) {
      case "freshness", "latency" -> Metric.NEWEST_AGE;
      case "retention" -> Metric.OLDEST_AGE;
      default -> null;
    };
    if (metric == null) {
      return; // availability, support hours and the like are not measurable in the data
    }
    Object element = sla.get("element") != null ? sla.get("element") : c.slaDefaultElement();
    if (element == null) {
      return; // nothing names the column to measure; ODCS allows that, so the promise stays unchecked
    }
    String[] parts = element.toString().split("\\.", 2);
    if (parts.length != 2) {
      throw new ContractError("slaProperties " + property + " element '" + element + "' must be object.property");
    }
    if (!(sla.get("value") instanceof Number value)) {
      throw new ContractError("slaProperties " + property + " needs a numeric value, not '" + sla.get("value") + "'");
    }
    String unit = sla.get("unit") == null ? "d" : sla.get("unit").toString();
    double seconds = unitSeconds(unit);
    if (seconds <= 0) {
      throw new ContractError("slaProperties " + property + " has unit '" + unit + "'; use s, m, h, d or y");
    }
    Contract.SchemaObject obj = c.objects().stream().filter(o -> o.name().equals(parts[0])).findFirst().orElse(null);
    String table = obj == null ? parts[0] : obj.table();
    String col = obj == null ? parts[1] : column(obj, parts[1]);
    out.add(new Check(property, parts[0], parts[1], Guarantee.TIMELINESS, metric, table, col, null, null, null,
        Threshold.of("mustBeLessOrEqualTo", value.doubleValue(), unit), seconds));
  }

  /** Seconds in one unit of an ODCS SLA; 0 when unknown. */
  static double unitSeconds(String unit) {
    return switch (unit.toLowerCase(Locale.ROOT)) {
      case "s", "sec", "second", "seconds" -> 1;
      case "m", "min", "minute", "minutes" -> 60;
      case "h", "hr", "hour", "hours" -> 3600;
      case "d", "day", "days" -> 86_400;
      case "w", "week", "weeks" -> 7 * 86_400;
      case "y", "yr", "year", "years" -> 365 * 86_400;
      default -> 0;
    };
  }

  private static Check check(String kind, String object, String property, Guarantee g, Metric m, String table,
      String column, List<Object> values, Threshold th) {
    return new Check(kind, object, property, g, m, table, column, null, values, null, th, 0);
  }
}
