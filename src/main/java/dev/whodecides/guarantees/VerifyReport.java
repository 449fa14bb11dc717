package dev.whodecides.guarantees;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.util.List;

/** The three outputs of {@code whodecides verify}: JSON (a contract, read by {@link VerifyReportReader}), text and JUnit XML. */
public final class VerifyReport {

  // Its own writer: the verify report is a format of the guarantees, not of the lint reports.
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private VerifyReport() {}

  /** The {@code summary} block: how many checks passed, failed, could not run, or only warned. */
  public record Summary(long passed, long failed, long errors, long warnings) {}

  /** The connecting role under {@code --check-role}. */
  public record RoleJson(String name, String warning) {}

  /** One check's result, fields in this order (a contract). */
  public record CheckJson(String check, String object, String property, String guarantee, String result,
      Object observed, String threshold, String message) {}

  /** One contract verified against one server. */
  public record ContractJson(String contract, String file, String server,
      @JsonInclude(JsonInclude.Include.NON_NULL) RoleJson role, List<CheckJson> checks) {}

  /** The whole report: {@code {"contracts":[...],"summary":{...}}}. */
  public record ReportJson(List<ContractJson> contracts, Summary summary) {}

  public static Summary summary(List<ContractResult> results) {
    return new Summary(count(results, CheckResult.Outcome.PASSED), count(results, CheckResult.Outcome.FAILED),
        count(results, CheckResult.Outcome.ERROR), count(results, CheckResult.Outcome.WARNING));
  }

  private static long count(List<ContractResult> results, CheckResult.Outcome o) {
    return results.stream().mapToLong(r -> r.count(o)).sum();
  }

  public static ReportJson report(List<ContractResult> results) {
    return new ReportJson(results.stream().map(r -> new ContractJson(r.contract(), r.file(), r.server(),
        r.role() == null ? null : new RoleJson(r.role().name(), r.role().warning()),
        r.checks().stream().map(c -> new CheckJson(c.check().kind(), c.check().object(), c.check().property(),
            c.check().guarantee().id(), c.result().id(), c.observed(), c.check().thresholdText(), c.message()))
            .toList())).toList(), summary(results));
  }

  public static String json(List<ContractResult> results) {
    try {
      return JSON.writeValueAsString(report(results)) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(List<ContractResult> results) {
    StringBuilder b = new StringBuilder();
    for (ContractResult r : results) {
      b.append(r.file()).append(": contract ").append(r.contract()).append(" on server ").append(r.server()).append('\n');
      if (r.role() != null) {
        b.append("  ").append(r.role().warning() != null ? "warning: " + r.role().warning()
            : "role " + r.role().name() + " is no superuser and may not reach the server's files or programs").append('\n');
      }
      r.scans().forEach((table, n) -> b.append("  table ").append(table).append(": ").append(n)
          .append(n == 1 ? " scan" : " scans").append('\n'));
      for (CheckResult c : r.checks()) {
        b.append(String.format("  %-7s  %-12s  %-18s %s  observed %s, expected %s: %s%n",
            c.result().id(), c.check().guarantee().id(), c.check().kind(), c.check().target(),
            c.observed() == null ? "-" : c.observed(), c.check().thresholdText(), c.message()));
      }
      if (r.fatal() != null) {
        b.append("  error: ").append(r.fatal()).append('\n');
      }
    }
    Summary s = summary(results);
    b.append(s.passed()).append(" passed, ").append(s.failed()).append(" failed, ")
        .append(s.warnings() > 0 ? s.warnings() + " warnings, " : "").append(s.errors())
        .append(" errors in ").append(results.size()).append(results.size() == 1 ? " contract" : " contracts").append('\n');
    return b.toString();
  }

  /** JUnit XML, the shape CI systems show as test results: a suite per contract, a test case per check. */
  public static String junit(List<ContractResult> results) {
    Summary s = summary(results);
    long total = results.stream().mapToLong(r -> r.checks().size()).sum();
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("testsuites");
      x.writeAttribute("name", "whodecides verify");
      x.writeAttribute("tests", String.valueOf(total));
      x.writeAttribute("failures", String.valueOf(s.failed()));
      x.writeAttribute("errors", String.valueOf(s.errors()));
      for (ContractResult r : results) {
        x.writeCharacters("\n  ");
        x.writeStartElement("testsuite");
        x.writeAttribute("name", xml(r.contract() + " (" + r.server() + ")"));
        x.writeAttribute("tests", String.valueOf(r.checks().size()));
        x.writeAttribute("failures", String.valueOf(r.count(CheckResult.Outcome.FAILED)));
        x.writeAttribute("errors", String.valueOf(r.count(CheckResult.Outcome.ERROR)));
        x.writeAttribute("skipped", "0");
        if (r.role() != null) {
          x.writeCharacters("\n    ");
          x.writeStartElement("properties");
          property(x, "role", r.role().name());
          property(x, "roleWarning", r.role().warning());
          x.writeCharacters("\n    ");
          x.writeEndElement();
        }
        for (CheckResult c : r.checks()) {
          x.writeCharacters("\n    ");
          x.writeStartElement("testcase");
          x.writeAttribute("classname", xml(r.contract() + "." + c.check().object()));
          x.writeAttribute("name", xml(c.check().kind() + " " + c.check().target()));
          String detail = xml("observed " + (c.observed() == null ? "-" : c.observed()) + ", expected "
              + c.check().thresholdText() + ": " + c.message());
          switch (c.result()) {
            case FAILED -> {
              x.writeEmptyElement("failure");
              x.writeAttribute("message", detail);
              x.writeAttribute("type", c.check().guarantee().id());
            }
            case ERROR -> {
              x.writeEmptyElement("error");
              x.writeAttribute("message", detail);
            }
            case WARNING -> {
              x.writeStartElement("system-out");
              x.writeCharacters(xml("warning: " + detail));
              x.writeEndElement();
            }
            default -> { }
          }
          x.writeEndElement();
        }
        x.writeCharacters("\n  ");
        x.writeEndElement();
      }
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("could not write JUnit XML", e);
    }
    return out.toString();
  }

  private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
    if (value != null) {
      x.writeCharacters("\n      ");
      x.writeEmptyElement("property");
      x.writeAttribute("name", name);
      x.writeAttribute("value", xml(value));
    }
  }

  /**
   * Text XML 1.0 can hold: the writer escapes markup characters but not control characters, which
   * no XML document may contain, so those are dropped here.
   */
  private static String xml(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
        b.append(ch);
      }
    }
    return b.toString();
  }
}
