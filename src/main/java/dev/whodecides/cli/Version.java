package dev.whodecides.cli;

import picocli.CommandLine;

/** The version printed by {@code --version} and written into SARIF. */
public final class Version implements CommandLine.IVersionProvider {

  public static final String VERSION = "0.1.0";

  @Override
  public String[] getVersion() {
    return new String[] {"whodecides " + VERSION};
  }
}
