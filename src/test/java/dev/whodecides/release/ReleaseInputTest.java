package dev.whodecides.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line, the form and the JSON body give the same call, and are refused in the same words. */
class ReleaseInputTest {

  static final ReleaseInput.Labels LABELS = new ReleaseInput.Labels("--metric", "--bar", "--wait-until", "--supersedes");

  @Test
  void typedOneByOneAsLinesOrAsValuesTheCallIsTheSame() {
    ReleaseRequest cli = new ReleaseInput(LABELS).metric("precision=0.78").metric(" recall = 0.6 ")
        .bar("precision>=0.80").bar("recall > 0.5").waitUntil("2026-12-10").supersedes((Long) 7L)
        .request("newsletter-picks", "2.4.0", "wait", "tomas.reyes", null, "Needs the new features");
    ReleaseRequest form = new ReleaseInput(LABELS).metricLines("precision=0.78\r\n\r\n recall = 0.6 \n")
        .barLines("precision>=0.80\nrecall > 0.5\n").waitUntil(" 2026-12-10 ").supersedes("#7")
        .request(" newsletter-picks ", "2.4.0 ", "wait", "tomas.reyes", "  ", "Needs the new features\n");
    ReleaseRequest json = new ReleaseInput(LABELS).metric("precision", 0.78).metric("recall", 0.6)
        .bar("precision", ">= 0.80").bar("recall", "> 0.5").waitUntil("2026-12-10").supersedes("7")
        .request("newsletter-picks", "2.4.0", "wait", "tomas.reyes", "", "Needs the new features");
    assertThat(form).isEqualTo(cli);
    assertThat(json).isEqualTo(cli);
    assertThat(cli.metrics()).containsExactly(Map.entry("precision", 0.78), Map.entry("recall", 0.6));
    assertThat(cli.bar()).containsExactly(Map.entry("precision", ">= 0.8"), Map.entry("recall", "> 0.5"));
    assertThat(cli.waitUntil()).isEqualTo(LocalDate.of(2026, 12, 10));
    assertThat(cli.supersedes()).isEqualTo(7L);
    assertThat(cli.acceptedRisk()).as("blank is not given").isNull();
  }

  @Test
  void mistakesAre400sThatNameTheFieldAsThePlaceCallsIt() {
    ReleaseInput.Labels form = new ReleaseInput.Labels("Metric", "Bar", "Next look", "Corrects record");
    assertRefused(() -> new ReleaseInput(LABELS).metric("precision=high"),
        "--metric 'precision=high' is not NAME=NUMBER, e.g. precision=0.82");
    assertRefused(() -> new ReleaseInput(form).metricLines("precision=0.8\nrecall"),
        "Metric 'recall' is not NAME=NUMBER, e.g. precision=0.82");
    assertRefused(() -> new ReleaseInput(LABELS).bar("precision"),
        "--bar 'precision' is not NAME OPERATOR NUMBER, e.g. \"precision>=0.80\"");
    assertRefused(() -> new ReleaseInput(new ReleaseInput.Labels("metrics", "bar", "waitUntil", "supersedes"))
        .bar("precision", "at least 0.8"), "bar for 'precision' is 'at least 0.8'; write an operator and a number");
    assertRefused(() -> new ReleaseInput(form).waitUntil("next week"),
        "Next look 'next week' is not a date like 2026-12-31");
    assertRefused(() -> new ReleaseInput(form).supersedes("the last one"),
        "Corrects record 'the last one' is not a record number");
  }

  static void assertRefused(Runnable r, String message) {
    assertThatThrownBy(r::run).isInstanceOfSatisfying(Refusal.class, e -> {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.getMessage()).startsWith(message);
    });
  }
}
