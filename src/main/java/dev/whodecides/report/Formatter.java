package dev.whodecides.report;

import dev.whodecides.rules.LintResult;

/** Renders one lint run in one output format. */
public interface Formatter {
  String format(LintResult result);
}
