package dev.whodecides.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The JSON Schema of {@code .whodecides.yaml} that ships in the jar, for editors and for checking. */
public final class ConfigSchema {

  /** Where the schema lives on the class path. */
  public static final String RESOURCE = "whodecides-config.schema.json";

  private ConfigSchema() {}

  public static String text() {
    try (InputStream in = ConfigSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
