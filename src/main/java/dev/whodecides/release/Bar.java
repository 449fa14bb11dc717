package dev.whodecides.release;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One agreed threshold a metric must meet before a ship, e.g. {@code precision >= 0.80}. */
public record Bar(String metric, String operator, double value) {

  private static final Pattern EXPR = Pattern.compile("^\\s*(>=|<=|>|<|==|=)\\s*(-?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)\\s*$");
  private static final Pattern NAMED =
      Pattern.compile("^\\s*([A-Za-z0-9_.:-]+)\\s*(>=|<=|>|<|==|=)\\s*(-?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)\\s*$");

  /** Reads {@code ">= 0.80"} for a named metric. */
  public static Bar parse(String metric, String expression) {
    Matcher m = EXPR.matcher(expression == null ? "" : expression);
    if (metric == null || metric.isBlank() || !m.matches()) {
      throw new IllegalArgumentException("bar for '" + metric + "' is '" + expression
          + "'; write an operator and a number, e.g. \">= 0.80\"");
    }
    return new Bar(metric.strip(), normal(m.group(1)), Double.parseDouble(m.group(2)));
  }

  /** Reads {@code "precision>=0.80"}, as the command line takes it. */
  public static Bar parse(String named) {
    Matcher m = NAMED.matcher(named == null ? "" : named);
    if (!m.matches()) {
      throw new IllegalArgumentException("bar '" + named + "' is not NAME OPERATOR NUMBER, e.g. \"precision>=0.80\"");
    }
    return new Bar(m.group(1), normal(m.group(2)), Double.parseDouble(m.group(3)));
  }

  private static String normal(String op) {
    return op.equals("==") ? "=" : op;
  }

  public boolean metBy(double observed) {
    return switch (operator) {
      case ">=" -> observed >= value;
      case ">" -> observed > value;
      case "<=" -> observed <= value;
      case "<" -> observed < value;
      default -> observed == value;
    };
  }

  /** The threshold as people write it: {@code >= 0.8}. */
  public String expression() {
    return operator + " " + number(value);
  }

  /** A number as the bar and the statement write it: {@code 2}, not {@code 2.0}. */
  public static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%s", v);
  }
}
