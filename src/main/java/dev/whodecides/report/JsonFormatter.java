package dev.whodecides.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.whodecides.rules.Finding;
import dev.whodecides.rules.LintResult;
import dev.whodecides.rules.Waived;
import java.io.IOException;
import java.io.Writer;

/**
 * {@code --format json}: {@code {"findings":[...], "waived":[...], "summary":{...}}}, a contract. Streams one
 * finding at a time, so a million-entity catalog's report never sits in memory whole.
 */
public final class JsonFormatter implements Formatter {

  @Override
  public String format(LintResult r) {
    return Formatter.toString(this, r);
  }

  @Override
  public void write(LintResult r, Writer out) throws IOException {
    try (JsonGenerator gen = Json.MAPPER.getFactory().createGenerator(out)) {
      gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      gen.useDefaultPrettyPrinter();
      gen.writeStartObject();
      gen.writeArrayFieldStart("findings");
      for (Finding f : r.findings()) {
        gen.writeObject(Json.finding(f, r));
      }
      gen.writeEndArray();
      gen.writeArrayFieldStart("waived");
      for (Waived w : r.waived()) {
        gen.writeObject(Json.waived(w));
      }
      gen.writeEndArray();
      gen.writeObjectField("summary", Json.summary(r));
      gen.writeEndObject();
    }
    out.write('\n');
  }
}
