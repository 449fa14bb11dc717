package dev.whodecides.web.view;

import dev.whodecides.graph.GraphSvg;
import java.util.List;

/**
 * What each page of the web UI shows, already decided: the templates under {@code src/main/jte}
 * only lay these values out (and escape them). Built by one page-model builder per page in {@code dev.whodecides.web}
 * ({@code MatrixPage}, {@code PeoplePage}, ...).
 */
public final class Model {

  private Model() {}

  /** The frame around every page: its title, the nav entry to highlight, a catalog problem to show. */
  public record Chrome(String title, String section, String catalogError, String htmx, String user, String csrf) {

    /** The same frame under another title, for a page whose title is known only once its subject is found. */
    public Chrome withTitle(String newTitle) {
      return new Chrome(newTitle, section, catalogError, htmx, user, csrf);
    }
  }

  public record Link(String text, String href) {}

  /** Page numbers for long tables; {@code prev}/{@code next} are null at either end. */
  public record Pager(int page, int pages, int total, String prev, String next) {}

  /** A cited podcast moment: who, which episode, the range, and a link that starts the video there. */
  public record Evidence(String label, String url) {}

  public record FindingRow(String id, String href, String rule, String severity, String entity, String entityHref,
      String where, String message) {}

  /** One finding in full: what, where, the role that would own it, what to do, and why. */
  public record FindingDetail(FindingRow finding, String role, String roleHref, String action, String why,
      String ruleHref, List<Evidence> evidence) {}

  public record RuleCount(String rule, String summary, String severity, long count, String href) {}

  public record TrendPoint(String when, String source, long errors, long warnings, long infos, long total) {}

  /** One coloured part of a run's stacked bar, in the chart's coordinates. */
  public record TrendBar(int x, String y, String height, String severity) {}

  /** The trend as a chart: its size, the largest run for the scale, the bars and each run's hover column. */
  public record TrendChart(int width, int height, long max, List<TrendBar> bars, List<Integer> columns, int barWidth) {}

  public record Overview(Chrome chrome, int entities, int files, int products, long gapCells, long staleDecisions,
      long errors, long warnings, long infos, List<RuleCount> rules, TrendChart chart, List<TrendPoint> trend,
      List<Link> kinds) {}

  /**
   * The findings page: the findings that count (the new ones when the service has a baseline), then
   * those the baseline already knew ({@code unchanged}, the first {@code shown}, {@code baselined} in
   * all; null without a baseline), then the waived ones with their waivers.
   */
  public record Findings(Chrome chrome, List<FindingRow> rows, Pager pager, List<String> rules, String rule,
      String severity, String q, List<FindingRow> unchanged, int baselined, List<WaivedRow> waived) {}

  /** A waived finding and the waiver that accepts it: why, by whom, until when, written where. */
  public record WaivedRow(FindingRow finding, String reason, String by, String until, String waiverAt) {}

  public record FindingPage(Chrome chrome, FindingDetail detail) {}

  public record MatrixCell(String type, boolean gap, String owner, String ownerHref, String from, String href,
      String hint) {}

  public record MatrixRow(String product, String title, String href, String lifecycle, List<MatrixCell> cells) {}

  public record Matrix(Chrome chrome, List<String> types, List<String> roles, List<MatrixRow> rows, Pager pager,
      boolean gapsOnly, String q, long gapCells, int products) {}

  /** A red cell opened: the decision nobody owns, who normally would, and the findings about it. */
  public record Gap(Chrome chrome, String product, String productTitle, String productHref, String type,
      String question, String role, String roleHref, String declared, List<FindingDetail> findings,
      List<Evidence> evidence) {}

  public record PersonRow(String person, String name, String href, String title, String titleRole, String fit,
      boolean mismatch, List<String> decisions, List<Evidence> evidence) {}

  public record People(Chrome chrome, List<PersonRow> people, Pager pager, String q, boolean mismatchOnly) {}

  public record DecisionRow(String type, String owner, String ownerHref, String from, String fromHref,
      String declaredAt, boolean gap) {}

  public record EntityPage(Chrome chrome, String ref, String kind, String title, String description, String where,
      List<Link> relations, List<DecisionRow> decisions, List<FindingRow> findings, String graphHref,
      String releasesHref) {}

  /** The ownership graph page: the picture {@code ownership-graph.jte} draws, and the focus choices. */
  public record Graph(Chrome chrome, GraphSvg.Picture picture, String focus, List<Link> focuses, int nodes, int omitted,
      String message) {}

  public record ProductRelease(String product, String title, String href, String logHref, String owner,
      String ownerHref, String latest) {}

  public record Releases(Chrome chrome, List<ProductRelease> products, Pager pager, String q,
      List<FailedDelivery> failed, int pendingDeliveries) {}

  /** A webhook delivery given up after a day of retries: which call, where to (path hidden), how often tried, why. */
  public record FailedDelivery(String eventId, long record, String product, String productHref, String version,
      String webhook, int attempts, String lastAttempt, String error) {}

  public record MetricRow(String name, String value, String bar, boolean met) {}

  public record ReleaseEntry(long id, String version, String decision, String by, String byHref, String at,
      String statement, List<MetricRow> metrics, String acceptedRisk, String rationale, String waitUntil,
      Long supersedes, boolean superseded) {}

  /** The values of the record form, kept when a submission is refused so nothing typed is lost. */
  public record ReleaseForm(String version, String decision, String metrics, String bar, String acceptedRisk,
      String rationale, String waitUntil, String supersedes) {

    public static ReleaseForm empty() {
      return new ReleaseForm("", "wait", "", "", "", "", "", "");
    }
  }

  public record ProductReleases(Chrome chrome, String product, String title, String productHref, String owner,
      String ownerHref, String action, List<ReleaseEntry> log, Pager pager, String formAction, ReleaseForm form,
      String csrf, String notice, String error) {}

  public record ContractRow(String id, String name, String file, String status, String product, String productHref,
      String owner, String ownerHref, int quality, int sla, String verifiedAt, String result, String resultClass,
      String detail) {}

  public record Guarantees(Chrome chrome, List<ContractRow> contracts, boolean storeHasResults, Pager pager, String q) {}

  public record Knowledge(Chrome chrome, String article, List<Link> pages) {}

  /** The private service's sign-in form. */
  public record SignIn(Chrome chrome, String csrf, String next, String error) {}

  /** A page for a refusal or a missing thing, with where to go next. */
  public record Problem(Chrome chrome, int status, String message, Link next) {}
}
