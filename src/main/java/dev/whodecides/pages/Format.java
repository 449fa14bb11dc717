package dev.whodecides.pages;

import java.util.Locale;

/** The formats the site can be written in. */
public enum Format {
  HTML(".html"),
  MARKDOWN(".md");

  private final String extension;

  Format(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
