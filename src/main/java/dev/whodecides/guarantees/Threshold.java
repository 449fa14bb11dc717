package dev.whodecides.guarantees;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A comparison from ODCS ({@code mustBe}, {@code mustBeLessThan}, ...) applied to an observed number.
 * {@code mustBe} and {@code mustNotBe} may also compare with {@code true} or {@code false} (an SQL
 * rule whose query answers yes or no); {@code bool} says so, and the values are then 1 and 0.
 */
public record Threshold(String operator, List<Double> values, String unit, boolean bool) {

  public Threshold(String operator, List<Double> values, String unit) {
    this(operator, values, unit, false);
  }

  private static final List<String> KEYS = List.of("mustBe", "mustNotBe", "mustBeGreaterThan",
      "mustBeGreaterOrEqualTo", "mustBeGreaterThanOrEqualTo", "mustBeLessThan", "mustBeLessOrEqualTo",
      "mustBeLessThanOrEqualTo", "mustBeBetween", "mustNotBeBetween");

  public static Threshold equalTo(double v) {
    return new Threshold("mustBe", List.of(v), null);
  }

  public static Threshold of(String op, double v, String unit) {
    return new Threshold(op, List.of(v), unit);
  }

  /** Reads the comparison of a quality rule; null when it has none. */
  public static Threshold of(Map<String, Object> rule) throws IllegalArgumentException {
    for (String key : KEYS) {
      Object v = rule.get(key);
      if (v == null) {
        continue;
      }
      String unit = rule.get("unit") == null ? null : rule.get("unit").toString();
      if (key.endsWith("Between")) {
        if (!(v instanceof List<?> l) || l.size() != 2) {
          throw new IllegalArgumentException(key + " needs a list of two numbers");
        }
        return new Threshold(key, List.of(num(l.get(0), key), num(l.get(1), key)), unit);
      }
      if (v instanceof Boolean b && (key.equals("mustBe") || key.equals("mustNotBe"))) {
        return new Threshold(key, List.of(b ? 1.0 : 0.0), unit, true);
      }
      return new Threshold(key.replace("ThanOrEqualTo", "OrEqualTo"), List.of(num(v, key)), unit);
    }
    return null;
  }

  private static double num(Object o, String key) {
    if (o instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(String.valueOf(o));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " needs a number, not '" + o + "'");
    }
  }

  public boolean test(double observed) {
    double a = values.get(0);
    return switch (operator) {
      case "mustBe" -> observed == a;
      case "mustNotBe" -> observed != a;
      case "mustBeGreaterThan" -> observed > a;
      case "mustBeGreaterOrEqualTo" -> observed >= a;
      case "mustBeLessThan" -> observed < a;
      case "mustBeLessOrEqualTo" -> observed <= a;
      case "mustBeBetween" -> observed >= a && observed <= values.get(1);
      case "mustNotBeBetween" -> observed < a || observed > values.get(1);
      default -> throw new IllegalStateException(operator);
    };
  }

  public boolean percent() {
    return "percent".equalsIgnoreCase(unit) || "%".equals(unit);
  }

  @Override
  public String toString() {
    String u = unit == null || unit.isBlank() ? "" : percent() ? "%" : " " + unit;
    String a = bool ? String.valueOf(values.get(0) == 1.0) : fmt(values.get(0)) + u;
    return switch (operator) {
      case "mustBe" -> "= " + a;
      case "mustNotBe" -> "!= " + a;
      case "mustBeGreaterThan" -> "> " + a;
      case "mustBeGreaterOrEqualTo" -> ">= " + a;
      case "mustBeLessThan" -> "< " + a;
      case "mustBeLessOrEqualTo" -> "<= " + a;
      case "mustBeBetween" -> "between " + fmt(values.get(0)) + " and " + fmt(values.get(1)) + u;
      case "mustNotBeBetween" -> "not between " + fmt(values.get(0)) + " and " + fmt(values.get(1)) + u;
      default -> operator;
    };
  }

  static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
        : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
