package dev.whodecides.diff;

import dev.whodecides.rules.LintResult;
import dev.whodecides.rules.Policy;
import java.util.function.UnaryOperator;

/**
 * One version of the catalog, linted: {@code label} names it ({@code git:main}, a directory),
 * {@code files} turns a file name as loaded into the one a reader knows (a {@code git:} side is
 * read from a temporary copy of the revision's files).
 */
public record Side(String label, LintResult lint, Policy policy, UnaryOperator<String> files) {

  public Side(String label, LintResult lint, Policy policy) {
    this(label, lint, policy, UnaryOperator.identity());
  }
}
