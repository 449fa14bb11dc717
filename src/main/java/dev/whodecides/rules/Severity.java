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
    return rank() <= threshold.rank();
  }

  /** 0 for the most serious; the order is part of the meaning, so it is written out, not taken from the declaration. */
  private int rank() {
    return switch (this) {
      case ERROR -> 0;
      case WARNING -> 1;
      case INFO -> 2;
    };
  }

  @Override
  public String toString() {
    return id();
  }
}
