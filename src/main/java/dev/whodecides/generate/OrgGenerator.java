package dev.whodecides.generate;

import static dev.whodecides.generate.Documents.api;
import static dev.whodecides.generate.Documents.component;
import static dev.whodecides.generate.Documents.contract;
import static dev.whodecides.generate.Documents.dataset;
import static dev.whodecides.generate.Documents.decision;
import static dev.whodecides.generate.Documents.domain;
import static dev.whodecides.generate.Documents.group;
import static dev.whodecides.generate.Documents.improvement;
import static dev.whodecides.generate.Documents.system;
import static dev.whodecides.generate.Documents.useCase;
import static dev.whodecides.generate.Documents.user;

import dev.whodecides.catalog.Durations;
import dev.whodecides.catalog.Schedule;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

/**
 * Writes a synthetic organization of about N entities, for benchmarks. It is built from team
 * units: per team a group, a product owner, a product manager, a data scientist and an ML
 * engineer, a system with a scheduled model, a service, an API and a dataset (the last two with
 * data contracts), decisions, a use case and, for some teams, an improvement or a follow-up use
 * case; a domain per four teams and an organization per {@value #UNITS_PER_ORG} teams.
 *
 * <p>Gaps are planted at fixed rates so that every rule has work to do on a minority of what it
 * checks: products without a release or roadmap owner, consumed data without an owner or active
 * contract, repeated use cases, under-staffed or oversized use cases, hires without an MVP,
 * improvements nobody in the business would notice, organizations with one product title, and one
 * team in forty without any Decision. Each
 * document is written as soon as it is made, so memory stays flat at any size, and the same seed
 * writes the same files.
 */
public final class OrgGenerator {

  /** Teams per organization (a top-level group); every fifth organization has one product title. */
  static final int UNITS_PER_ORG = 24;
  static final int DOCS_PER_FILE = 700;

  private static final String[] NOUNS = {"demand", "churn", "price", "stock", "basket", "promotion", "delivery",
      "fraud", "loyalty", "assortment", "footfall", "margin", "supplier", "return", "coupon", "newsletter"};
  private static final String[] VERBS = {"forecast", "predict", "rank", "detect", "optimise", "segment",
      "recommend", "estimate", "classify", "cluster"};
  // Mostly plain words; the cron expressions are daily or weekly because a cron's period is
  // found by walking its runs over two years, which a minute-level expression makes costly.
  private static final String[] SCHEDULES = {"hourly", "daily", "daily", "weekly", "weekly", "monthly",
      "\"30 2 * * 1-6\"", "\"0 6 * * mon\""};
  private static final Duration[] PERIODS = new Duration[SCHEDULES.length];
  private static final String[] BUSINESS_METRICS = {"order proposals ready before stores open",
      "fresh waste as a share of fresh sales", "hours of manual planning saved per week", "newsletter revenue per send",
      "stock-outs of fast movers", "markdown spend per store"};

  static {
    for (int i = 0; i < SCHEDULES.length; i++) {
      PERIODS[i] = Schedule.period(SCHEDULES[i].replace("\"", "")).orElseThrow();
    }
  }

  private final Random random;
  private final Path out;
  private BufferedWriter writer;
  private int docsInFile;
  private int fileIndex;
  private long written;

  private OrgGenerator(Path out, long seed) {
    this.out = out;
    this.random = new Random(seed);
  }

  /** Writes the organization and returns the number of entities written (data contracts included). */
  public static long generate(int entities, Path out, long seed) throws IOException {
    Files.createDirectories(out);
    OrgGenerator g = new OrgGenerator(out, seed);
    // Whole units until the target is reached: the count overshoots by less than one unit.
    for (int u = 0; u == 0 || g.written < entities; u++) {
      g.writeUnit(u);
    }
    g.close();
    return g.written;
  }

  private void writeUnit(int u) throws IOException {
    int k = u / UNITS_PER_ORG;
    String org = "org-" + k;
    // Like the example's marketplace: an organization whose only product title is Product Owner,
    // so its product owners hold the roadmap as well.
    boolean oneTitle = k % 5 == 4;
    String team = "team-" + u;
    String domain = "domain-" + (u / 4);
    String system = "system-" + u;
    String lead = "lead-" + u;
    String pm = "pm-" + u;
    if (u % UNITS_PER_ORG == 0) {
      doc(group(org, "organization", null));
    }
    // One team in forty has written no Decision at all (and its domain none either): the first day
    // of an organization that has just started, which no-decision-rights reports.
    boolean undeclaredDomain = (u / 4) % 10 == 7;
    boolean undeclared = u % 40 == 29;
    if (u % 4 == 0) {
      doc(domain(domain, team));
    }
    if (u % 4 == 0 && !undeclaredDomain) {
      // One portfolio owner per domain's first half of teams: the rest is uncovered.
      doc(decision("portfolio-" + u, "portfolio", "domain:" + domain, u % 8 == 0 ? "user:" + lead : null));
    }
    doc(group(team, "team", org));
    doc(user(lead, team, u % 7 == 0 && !oneTitle ? "Product Manager" : "Product Owner", null));
    doc(user(pm, team, oneTitle ? "Product Owner" : "Product Manager", null));
    doc(user("ds-" + u, team, "Data Scientist", u % 8 == 3 ? "data-scientist" : "data-scientist, analyst"));
    // Some engineers lack the ML skill their use case needs; some never filled in their skills.
    doc(user("mle-" + u, team, "ML Engineer",
        u % 13 == 6 ? null : u % 9 == 4 ? "data-engineer" : "ml-engineer, data-engineer"));
    doc(system(system, team, domain));
    String schedule = "    whodecides.dev/schedule: " + SCHEDULES[u % SCHEDULES.length] + "\n"
        + (u % 2 == 0 ? "    whodecides.dev/deadline: " + Durations.format(deadline(u)) + "\n" : "");
    doc(component("model-" + u, schedule, team, system, u % 3 == 0 ? "experimental" : "production",
        u > 0 ? "resource:dataset-" + (u - 1) : null, null));
    doc(component("service-" + u, null, team, system, "production", null, u > 0 ? "api-" + (u - 1) : null));
    // The next team consumes this API and dataset. Most have an active contract that promises
    // something; some have none, a draft, or one without quality rules or service levels.
    doc(api("api-" + u, team, system));
    if (u % 19 != 7) {
      doc(contract("api-" + u, "active", u % 21 != 2, false));
    }
    doc(dataset("dataset-" + u, team, system));
    if (u % 23 != 9) {
      doc(contract("dataset-" + u, u % 16 == 5 ? "draft" : "active", true, true));
    }
    if (!undeclared) {
      doc(decision("release-" + u, "release", "system:" + system, u % 5 == 0 ? null : "user:" + lead));
      if (u % 50 == 13) {
        // Two people both believe the release call is theirs.
        doc(decision("release-" + u + "-pm", "release", "system:" + system, "user:" + pm));
      }
      if (u % 6 != 0) {
        String roadmap = u % 30 == 11 ? "group:" + team : "user:" + (oneTitle || u % 9 == 0 ? lead : pm);
        doc(decision("roadmap-" + u, "roadmap", "group:" + team, roadmap));
      }
      doc(decision("guarantees-" + u, "guarantees", "system:" + system, u % 4 == 1 ? null : "user:" + lead));
    }
    writeUseCases(u, team, lead);
    if (u % 3 == 0) {
      writeImprovement(u);
    }
  }

  /**
   * The team's use case, and for some MVPs the hire or outside help that builds on it. Solutions
   * by {@code u % 20}: 0-9 model, 10-11 dashboard, 12 api, 13-14 automation, 15 manual-fix, 16-19 mvp.
   */
  private void writeUseCases(int u, String team, String lead) throws IOException {
    // Every 25th team repeats the previous team's problem in other words; the rest are distinct.
    int source = u % 25 == 24 ? u - 1 : u;
    Random r = new Random(source * 7919L);
    String noun = NOUNS[r.nextInt(NOUNS.length)];
    String verb = VERBS[r.nextInt(VERBS.length)];
    String problem = "Teams cannot " + verb + " " + noun + " for region" + source + " store" + (source * 31 % 997)
        + " line" + source;
    String description = "Weekly " + noun + " " + verb + " model for region" + source + " using sales history"
        + " of store" + (source * 31 % 997) + " and line" + source + " " + (u % 2 == 0 ? "pilot" : "rollout");
    int s = u % 20;
    String solution = s < 10 ? "model" : s < 12 ? "dashboard" : s == 12 ? "api" : s < 15 ? "automation"
        : s == 15 ? "manual-fix" : "mvp";
    String ds = "user:ds-" + u;
    String mle = "user:mle-" + u;
    String needs;
    String staffed;
    switch (solution) {
      case "dashboard" -> {
        needs = "analyst, data-engineer";
        staffed = ds + ", " + mle;
      }
      case "automation" -> {
        needs = "data-engineer";
        staffed = mle;
      }
      case "manual-fix" -> {
        needs = "analyst";
        staffed = ds;
      }
      case "mvp" -> {
        needs = "data-scientist, data-engineer";
        staffed = ds + ", " + mle;
      }
      default -> {
        needs = "data-scientist, ml-engineer";
        staffed = ds + ", " + mle;
      }
    }
    if (u % 10 == 7) {
      staffed = ds; // one data scientist left alone with work that needs two skills
    }
    if (u % 40 == 21 || u % 40 == 22) {
      // The engineer of team u - u % 40 + 20 is lent out to the next two teams as well.
      staffed += ", user:mle-" + (u - u % 40 + 20);
    }
    Long volume = switch (solution) {
      case "model", "api", "automation" -> u % 9 == 2 ? 100L + random.nextInt(900) : 2_000L + random.nextInt(500_000);
      case "manual-fix" -> 50L + random.nextInt(900);
      case "dashboard" -> 1_000L + random.nextInt(100_000);
      default -> null;
    };
    doc(useCase("usecase-" + u, null, team, u % 17 == 8 ? null : problem, description,
        u % 29 == 3 ? null : "user:" + lead, solution, needs, staffed, volume));
    if (s >= 16 && s <= 18) {
      // Hiring or outside help after the MVP; some skip the MVP or point at the wrong one.
      int flaw = (u / 20) % 10;
      String follows = flaw == 3 ? null : "usecase:usecase-" + (flaw == 5 ? u - 20 : flaw == 7 ? u - 4 : u);
      boolean hire = s != 17;
      String next = hire
          ? "Hire a data scientist and a data engineer to take the " + noun + " " + verb + " pilot to every region"
          : "A consultancy extends the " + noun + " " + verb + " pilot with external market data";
      doc(useCase("usecase-" + u + "-scale", follows, team, problem, next, "user:" + lead,
          hire ? "hire" : "external", "data-scientist, data-engineer", null, null));
    }
  }

  /**
   * An improvement of one of the team's products. Variants by {@code (u / 3) % 10}: runtime of the
   * scheduled model (0 and 5 slow enough to matter, 4 and 7 already well inside the deadline or a
   * tenth of the period), accuracy, cost and latency; 4 and 9 name no business metric. Three in
   * ten get a finding.
   */
  private void writeImprovement(int u) throws IOException {
    int v = (u / 3) % 10;
    String target = "component:model-" + u;
    String metric;
    String current;
    String goal;
    switch (v) {
      case 0, 4, 5, 7 -> {
        metric = "runtime";
        Duration limit = u % 2 == 0 ? deadline(u) : PERIODS[u % PERIODS.length].dividedBy(10);
        Duration now = v == 4 || v == 7 ? limit.dividedBy(2) : limit.multipliedBy(3).dividedBy(2);
        // Runtimes as people write them: mostly durations, sometimes plain seconds.
        current = v == 5 ? String.valueOf(now.toSeconds()) : Durations.format(now);
        goal = Durations.format(now.multipliedBy(2).dividedBy(3));
      }
      case 1, 6 -> {
        metric = "accuracy";
        int c = 60 + random.nextInt(20);
        current = "0." + c;
        goal = "0." + (c + 5 + random.nextInt(10));
      }
      case 2, 9 -> {
        metric = "cost";
        int c = 500 + random.nextInt(5000);
        current = String.valueOf(c);
        goal = String.valueOf(c * 2 / 3);
      }
      default -> {
        metric = "latency";
        target = "component:service-" + u;
        int ms = 200 + random.nextInt(800);
        current = ms + "ms";
        goal = ms / 2 + "ms";
      }
    }
    String businessMetric = v == 4 || v == 9 ? null : BUSINESS_METRICS[(u / 3) % BUSINESS_METRICS.length];
    doc(improvement("improvement-" + u, target, metric, current, goal, businessMetric));
  }

  /** How long after its start the model of team u must have finished: a quarter of its period. */
  private static Duration deadline(int u) {
    return PERIODS[u % PERIODS.length].dividedBy(4);
  }

  private void doc(String yaml) throws IOException {
    if (writer == null || docsInFile >= DOCS_PER_FILE) {
      close();
      Path dir = out.resolve(String.format("part-%04d", fileIndex / 100));
      Files.createDirectories(dir);
      writer = Files.newBufferedWriter(dir.resolve(String.format("catalog-%06d.yaml", fileIndex++)),
          StandardCharsets.UTF_8);
      docsInFile = 0;
    } else {
      writer.write("---\n");
    }
    writer.write(yaml);
    docsInFile++;
    written++;
  }

  private void close() throws IOException {
    if (writer != null) {
      writer.close();
      writer = null;
    }
  }
}
