package dev.whodecides.report;

import dev.whodecides.diff.DiffResult;

/** Renders what a change does to decision rights in one output format. */
public interface DiffFormatter {

  String format(DiffResult diff);
}
