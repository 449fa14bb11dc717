package dev.whodecides.cli;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** The day a command works as of: its {@code --today} value, or the system's date without one. */
final class Today {

  private Today() {}

  /** {@code value} (YYYY-MM-DD) as a date, today when null; anything else is a usage error. */
  static LocalDate of(String value) {
    if (value == null) {
      return LocalDate.now(ZoneId.systemDefault());
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new UserError("--today must be a date written YYYY-MM-DD, not '" + value + "'");
    }
  }
}
