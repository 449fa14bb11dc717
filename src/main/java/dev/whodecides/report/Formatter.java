package dev.whodecides.report;

import dev.whodecides.rules.LintResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Renders one lint run in one output format. */
public interface Formatter {

  String format(LintResult result);

  /** Writes the report; formats that can stream (JSON) override this to skip the whole string. */
  default void write(LintResult result, Writer out) throws IOException {
    out.write(format(result));
  }

  /** {@link #write} into a string, for formats that stream. */
  static String toString(Formatter f, LintResult result) {
    StringWriter w = new StringWriter();
    try {
      f.write(result, w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }
}
