package dev.whodecides.guarantees;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The three outputs of {@code whodecides verify}: JSON (a contract, read by {@link VerifyReportReader}), text and JUnit XML. */
public final class VerifyReport {

  // Its own writer: the verify report is a format of the guarantees, not of the lint reports.
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private VerifyReport() {}

  public static Map<String, Object> summary(List<ContractResult> results) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("passed", results.stream().mapToLong(r -> r.count(CheckResult.Outcome.PASSED)).sum());
    s.put("failed", results.stream().mapToLong(r -> r.count(CheckResult.Outcome.FAILED)).sum());
    s.put("errors", results.stream().mapToLong(r -> r.count(CheckResult.Outcome.ERROR)).sum());
    s.put("warnings", results.stream().mapToLong(r -> r.count(CheckResult.Outcome.WARNING)).sum());
    return s;
  }

  public static String json(List<ContractResult> results) {
    List<Object> contracts = new ArrayList<>();
    for (ContractResult r : results) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("contract", r.contract());
      c.put("file", r.file());
      c.put("server", r.server());
      if (r.role() != null) {
        Map<String, Object> role = new LinkedHashMap<>();
        role.put("name", r.role().name());
        role.put("warning", r.role().warning());
        c.put("role", role);
      }
      List<Object> checks = new ArrayList<>();
      for (CheckResult cr : r.checks()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("check", cr.check().kind());
        m.put("object", cr.check().object());
        m.put("property", cr.check().property());
        m.put("guarantee", cr.check().guarantee().id());
        m.put("result", cr.result().id());
        m.put("observed", cr.observed());
        m.put("threshold", cr.check().thresholdText());
        m.put("message", cr.message());
        checks.add(m);
      }
      c.put("checks", checks);
      contracts.add(c);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("contracts", contracts);
    root.put("summary", summary(results));
    try {
      return JSON.writeValueAsString(root) + "\n";
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
    Map<String, Object> s = summary(results);
    b.append(s.get("passed")).append(" passed, ").append(s.get("failed")).append(" failed, ")
        .append((long) s.get("warnings") > 0 ? s.get("warnings") + " warnings, " : "").append(s.get("errors"))
        .append(" errors in ").append(results.size()).append(results.size() == 1 ? " contract" : " contracts").append('\n');
    return b.toString();
  }

  public static String junit(List<ContractResult> results) {
    Map<String, Object> s = summary(results);
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    long total = results.stream().mapToLong(r -> r.checks().size()).sum();
    b.append("<testsuites name=\"whodecides verify\" tests=\"").append(total).append("\" failures=\"")
        .append(s.get("failed")).append("\" errors=\"").append(s.get("errors")).append("\">\n");
    for (ContractResult r : results) {
      b.append("  <testsuite name=\"").append(xml(r.contract() + " (" + r.server() + ")")).append("\" tests=\"")
          .append(r.checks().size()).append("\" failures=\"").append(r.count(CheckResult.Outcome.FAILED))
          .append("\" errors=\"").append(r.count(CheckResult.Outcome.ERROR)).append("\" skipped=\"0\">\n");
      if (r.role() != null) {
        b.append("    <properties>\n");
        if (r.role().name() != null) {
          b.append("      <property name=\"role\" value=\"").append(xml(r.role().name())).append("\"/>\n");
        }
        if (r.role().warning() != null) {
          b.append("      <property name=\"roleWarning\" value=\"").append(xml(r.role().warning())).append("\"/>\n");
        }
        b.append("    </properties>\n");
      }
      for (CheckResult c : r.checks()) {
        b.append("    <testcase classname=\"").append(xml(r.contract() + "." + c.check().object())).append("\" name=\"")
            .append(xml(c.check().kind() + " " + c.check().target())).append("\">");
        String detail = "observed " + (c.observed() == null ? "-" : c.observed()) + ", expected "
            + c.check().thresholdText() + ": " + c.message();
        switch (c.result()) {
          case FAILED -> b.append("<failure message=\"").append(xml(detail)).append("\" type=\"")
              .append(c.check().guarantee().id()).append("\"/>");
          case ERROR -> b.append("<error message=\"").append(xml(detail)).append("\"/>");
          case WARNING -> b.append("<system-out>").append(xml("warning: " + detail)).append("</system-out>");
          default -> { }
        }
        b.append("</testcase>\n");
      }
      b.append("  </testsuite>\n");
    }
    return b.append("</testsuites>\n").toString();
  }

  private static String xml(String s) {
    StringBuilder b = new StringBuilder();
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
            b.append(ch);
          }
        }
      }
    }
    return b.toString();
  }
}
