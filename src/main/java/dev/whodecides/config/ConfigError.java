package dev.whodecides.config;

import java.util.List;

/**
 * A configuration that cannot be used, with every problem found in it, each one line naming
 * {@code file:line:col} and what to do. Nothing of such a configuration is applied.
 */
public final class ConfigError extends Exception {

  private final List<String> problems;

  public ConfigError(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
