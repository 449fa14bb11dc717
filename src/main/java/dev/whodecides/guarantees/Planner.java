package dev.whodecides.guarantees;

import dev.whodecides.guarantees.Check.Metric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a contract's schema, quality rules and service levels into checks. */
public final class Planner {

  /** Server types whose data are files: they have no native column types, so physicalType is not checked there. */
  private static final Set<String> FILE_SERVERS = Set.of("local", "file", "csv", "parquet", "json", "s3", "gcs",
      "azure");

  private Planner() {}

  /** The checks of a contract against its first server; notices are dropped. */
  public static List<Check> plan(Contract c) throws ContractError {
    return plan(c, c.server(null).orElse(null), new ArrayList<>());
  }

  /**
   * The checks of a contract, in contract order, for {@code server} (null: a JDBC URL given by the
   * user). Rules that cannot be run (a custom engine, a library rule without the arguments it
   * needs) are left out with a line in {@code notices} where that is worth saying.
   */
  public static List<Check> plan(Contract c, Contract.Server server, List<String> notices) throws ContractError {
    boolean physical = server == null || server.type() == null
        || !FILE_SERVERS.contains(server.type().toLowerCase(Locale.ROOT));
    List<Check> out = new ArrayList<>();
    for (int i = 0; i < c.objects().size(); i++) {
      Contract.SchemaObject o = c.objects().get(i);
      String t = o.table();
      out.add(check("objectExists", o.name(), null, Guarantee.COMPLETENESS, Metric.OBJECT_EXISTS, t, null, null, null));
      List<Contract.Property> keys = o.properties().stream().filter(Contract.Property::primaryKey).toList();
      for (int j = 0; j < o.properties().size(); j++) {
        Contract.Property p = o.properties().get(j);
        String col = p.column();
        out.add(check("propertyExists", o.name(), p.name(), Guarantee.COMPLETENESS, Metric.PROPERTY_EXISTS, t, col, null, null));
        if (p.logicalType() != null) {
          out.add(check("propertyType", o.name(), p.name(), Guarantee.INTEGRITY, Metric.PROPERTY_TYPE, t, col, null, null)
              .withText(p.logicalType()).withDeclared(p));
        }
        if (physical && p.physicalType() != null && !p.physicalType().isBlank()) {
          out.add(check("physicalType", o.name(), p.name(), Guarantee.INTEGRITY, Metric.PHYSICAL_TYPE, t, col, null, null)
              .withText(p.physicalType()));
        }
        if (p.required()) {
          out.add(check("required", o.name(), p.name(), Guarantee.COMPLETENESS, Metric.NULLS, t, col, null, Threshold.equalTo(0)));
        }
        if (p.primaryKey() && keys.size() == 1) {
          out.add(check("primaryKey", o.name(), p.name(), Guarantee.INTEGRITY, Metric.PRIMARY_KEY, t, col, null, Threshold.equalTo(0)));
        }
        if (p.unique()) {
          out.add(check("unique", o.name(), p.name(), Guarantee.INTEGRITY, Metric.DUPLICATES, t, col, null, Threshold.equalTo(0)));
        }
        options(out, o, p);
        for (int k = 0; k < p.quality().size(); k++) {
          quality(out, c, o, p, p.quality().get(k), "/schema/" + i + "/properties/" + j + "/quality/" + k, notices);
        }
      }
      if (keys.size() > 1) {
        // A composite key is one key: its columns together, in primaryKeyPosition order, are filled and unique.
        List<Contract.Property> ordered = keys.stream()
            .sorted(Comparator.comparing((Contract.Property p) -> p.primaryKeyPosition() == null ? Integer.MAX_VALUE
                : p.primaryKeyPosition()))
            .toList();
        out.add(new Check("primaryKey", o.name(), null, Guarantee.INTEGRITY, Metric.PRIMARY_KEY, t, null,
            ordered.stream().map(Contract.Property::column).toList(), null,
            String.join(", ", ordered.stream().map(Contract.Property::name).toList()), Threshold.equalTo(0), 0));
      }
      for (int k = 0; k < o.quality().size(); k++) {
        quality(out, c, o, null, o.quality().get(k), "/schema/" + i + "/quality/" + k, notices);
      }
    }
    for (int i = 0; i < c.slaProperties().size(); i++) {
      sla(out, c, c.slaProperties().get(i), "/slaProperties/" + i);
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
      Map<String, Object> q, String pointer, List<String> notices) throws ContractError {
    String where = o.name() + (p == null ? "" : "." + p.name());
    String type = q.get("type") == null ? null : q.get("type").toString().toLowerCase(Locale.ROOT);
    String severity = q.get("severity") == null ? null : q.get("severity").toString();
    Threshold th;
    try {
      th = Threshold.of(q);
    } catch (IllegalArgumentException e) {
      throw new ContractError(c.at(pointer) + ": quality rule of " + where + ": " + e.getMessage());
    }
    String t = o.table();
    String col = p == null ? null : p.column();
    String prop = p == null ? null : p.name();
    if ("sql".equals(type)) {
      Object query = q.get("query");
      if (query == null || th == null) {
        throw new ContractError(c.at(pointer) + ": sql quality rule of " + where + " needs a query and a mustBe..."
            + " comparison");
      }
      out.add(new Check("sql", o.name(), prop, Guarantee.ofDimension(q.get("dimension"), Guarantee.QUALITY), Metric.SQL,
          t, col, null, null, query.toString(), th, 0).withSeverity(severity));
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
            notices.add(c.at(pointer) + ": the invalidValues rule of " + where + " names neither arguments.validValues"
                + " nor arguments.pattern, so nothing can be invalid; the rule is left out and the others run");
            return;
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
        if (th != null && th.percent()) {
          // ODCS counts rows as a number; a percentage of the rows themselves is always 100.
          notices.add(c.at(pointer) + ": rowCount of " + where + " compares the number of rows; its unit: percent is"
              + " ignored");
          th = new Threshold(th.operator(), th.values(), null, false);
        }
      }
      default -> throw new ContractError(c.at(pointer) + ": quality rule of " + where + " names metric '" + name
          + "'; use nullValues, missingValues, invalidValues, duplicateValues or rowCount");
    }
    if (th == null) {
      throw new ContractError(c.at(pointer) + ": quality rule " + name + " of " + where
          + " needs a comparison such as mustBe: 0");
    }
    if ((metric == Metric.NULLS || metric == Metric.MISSING || metric == Metric.INVALID_VALUES
        || metric == Metric.INVALID_PATTERN || metric == Metric.DUPLICATES) && col == null) {
      throw new ContractError(c.at(pointer) + ": quality rule " + name + " of " + where + " belongs on a property");
    }
    out.add(new Check(name, o.name(), prop, Guarantee.ofDimension(q.get("dimension"), dflt), metric, t, col, columns,
        values, text, th, 0).withSeverity(severity));
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

  private static void sla(List<Check> out, Contract c, Map<String, Object> sla, String pointer) throws ContractError {
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
    double value;
    double seconds;
    String unit;
    Object v = sla.get("value");
    Double iso = v instanceof String s ? isoSeconds(s) : null;
    if (iso != null) {
      // An ISO 8601 duration carries its own unit; the age is then measured in days.
      unit = "d";
      seconds = 86_400;
      value = iso / 86_400;
    } else if (v instanceof Number n) {
      value = n.doubleValue();
      unit = sla.get("unit") == null ? "d" : sla.get("unit").toString();
      seconds = unitSeconds(unit);
      if (seconds <= 0) {
        throw new ContractError(c.at(pointer + "/unit") + ": slaProperties " + property + " has unit '" + unit
            + "'; use s, m, h, d, w or y");
      }
    } else {
      throw new ContractError(c.at(pointer + "/value") + ": slaProperties " + property + " needs a number or an ISO"
          + " 8601 duration such as P1Y or PT6H as its value, not '" + v + "'");
    }
    for (String one : element.toString().split(",")) {
      String el = one.strip();
      String[] parts = el.split("\\.", 2);
      if (parts.length != 2) {
        // Without an object name the element is a column of the contract's only object.
        if (c.objects().size() != 1) {
          throw new ContractError(c.at(pointer + "/element") + ": slaProperties " + property + " element '" + el
              + "' must be object.property, since the contract has " + c.objects().size() + " objects");
        }
        parts = new String[] {c.objects().get(0).name(), el};
      }
      String objectName = parts[0];
      Contract.SchemaObject obj = c.objects().stream().filter(o -> o.name().equals(objectName)).findFirst().orElse(null);
      String table = obj == null ? parts[0] : obj.table();
      String col = obj == null ? parts[1] : column(obj, parts[1]);
      out.add(new Check(property, parts[0], parts[1], Guarantee.TIMELINESS, metric, table, col, null, null, null,
          Threshold.of("mustBeLessOrEqualTo", value, unit), seconds));
    }
  }

  private static final Pattern ISO = Pattern.compile(
      "P(?:(\\d+(?:[.,]\\d+)?)Y)?(?:(\\d+(?:[.,]\\d+)?)M)?(?:(\\d+(?:[.,]\\d+)?)W)?(?:(\\d+(?:[.,]\\d+)?)D)?"
          + "(?:T(?:(\\d+(?:[.,]\\d+)?)H)?(?:(\\d+(?:[.,]\\d+)?)M)?(?:(\\d+(?:[.,]\\d+)?)S)?)?");

  /**
   * Seconds in an ISO 8601 duration ({@code P1Y}, {@code P3M}, {@code P2W}, {@code PT6H},
   * {@code P1DT12H}), counting a year as 365 days and a month as 30; null when the text is not one.
   */
  static Double isoSeconds(String text) {
    String t = text.strip().toUpperCase(Locale.ROOT);
    Matcher m = ISO.matcher(t);
    if (t.length() < 3 || !m.matches() || t.endsWith("T")) {
      return null;
    }
    double[] scale = {365 * 86_400.0, 30 * 86_400.0, 7 * 86_400.0, 86_400, 3600, 60, 1};
    double s = 0;
    for (int i = 0; i < scale.length; i++) {
      if (m.group(i + 1) != null) {
        s += Double.parseDouble(m.group(i + 1).replace(',', '.')) * scale[i];
      }
    }
    return s;
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
