package dev.whodecides.rules;

import java.util.Locale;

/** How much a finding matters; ids {@code error}, {@code warning}, {@code info} are a contract. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this severity is at least as serious as {@code threshold}. */
  public boolean atLeast(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }

  @Override
  public String toString() {
    return id();
  }
}
