package dev.whodecides.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a synthetic organization of about N entities, for benchmarks. Proportions follow the
 * bundled example: per team a group, people, a system, products, an API, a dataset, a use case
 * and decisions; one domain per four teams. Gaps are planted at fixed rates so every rule has
 * work to do: some products lack a release or roadmap owner, some datasets are consumed without
 * guarantees, and some use cases repeat another team's work.
 */
public final class OrgGenerator {

  /** Entities written per team unit (see {@link #writeUnit}). */
  static final int PER_UNIT = 12;
  static final int DOCS_PER_FILE = 700;

  private static final String[] NOUNS = {"demand", "churn", "price", "stock", "basket", "promotion", "delivery",
      "fraud", "loyalty", "assortment", "footfall", "margin", "supplier", "return", "coupon", "newsletter"};
  private static final String[] VERBS = {"forecast", "predict", "rank", "detect", "optimise", "segment",
      "recommend", "estimate", "classify", "cluster"};

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

  /** Writes the organization and returns the number of entities written. */
  public static long generate(int entities, Path out, long seed) throws IOException {
    Files.createDirectories(out);
    OrgGenerator g = new OrgGenerator(out, seed);
    int units = Math.max(1, entities / PER_UNIT);
    g.doc("""
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata:
          name: org
        spec:
          type: organization
          children: []
        """);
    for (int u = 0; u < units; u++) {
      g.writeUnit(u);
    }
    g.close();
    return g.written;
  }

  private void writeUnit(int u) throws IOException {
    String team = "team-" + u;
    String domain = "domain-" + (u / 4);
    String system = "system-" + u;
    String lead = "lead-" + u;
    String pm = "pm-" + u;
    if (u % 4 == 0) {
      doc("apiVersion: backstage.io/v1alpha1\nkind: Domain\nmetadata:\n  name: " + domain
          + "\nspec:\n  owner: group:" + team + "\n");
      // One portfolio owner per domain's first half of teams: the rest is uncovered.
      doc(decision("portfolio-" + u, "portfolio", "domain:" + domain, u % 8 == 0 ? "user:" + lead : null));
    }
    doc("apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: " + team
        + "\nspec:\n  type: team\n  parent: org\n  children: []\n");
    doc(user(lead, team, u % 7 == 0 ? "Product Manager" : "Product Owner"));
    doc(user(pm, team, "Product Manager"));
    doc("apiVersion: backstage.io/v1alpha1\nkind: System\nmetadata:\n  name: " + system
        + "\nspec:\n  owner: group:" + team + "\n  domain: " + domain + "\n");
    String model = "model-" + u;
    String service = "service-" + u;
    String api = "api-" + u;
    String dataset = "dataset-" + u;
    String upstream = "dataset-" + Math.max(0, u - 1);
    doc(component(model, team, system, u % 3 == 0 ? "experimental" : "production",
        u > 0 ? "resource:" + upstream : null, null));
    doc(component(service, team, system, "production", null, u > 0 ? "api-" + (u - 1) : null));
    doc("apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: " + api
        + "\nspec:\n  type: openapi\n  lifecycle: production\n  owner: group:" + team + "\n  system: " + system
        + "\n  definition: openapi spec of " + api + "\n");
    doc("apiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata:\n  name: " + dataset
        + "\nspec:\n  type: dataset\n  owner: group:" + team + "\n  system: " + system + "\n");
    doc(decision("release-" + u, "release", "system:" + system, u % 5 == 0 ? null : "user:" + lead));
    if (u % 6 != 0) {
      doc(decision("roadmap-" + u, "roadmap", "group:" + team, "user:" + (u % 9 == 0 ? lead : pm)));
    }
    doc(decision("guarantees-" + u, "guarantees", "system:" + system, u % 4 == 1 ? null : "user:" + lead));
    doc(useCase(u, team, lead));
  }

  private String useCase(int u, String team, String lead) {
    // Every 25th team repeats the previous team's problem in other words; the rest are distinct.
    int source = u % 25 == 24 ? u - 1 : u;
    Random r = new Random(source * 7919L);
    String noun = NOUNS[r.nextInt(NOUNS.length)];
    String verb = VERBS[r.nextInt(VERBS.length)];
    String problem = "Teams cannot " + verb + " " + noun + " for region" + source + " store" + (source * 31 % 997)
        + " line" + source;
    String description = "Weekly " + noun + " " + verb + " model for region" + source + " using sales history"
        + " of store" + (source * 31 % 997) + " and line" + source + " " + (u % 2 == 0 ? "pilot" : "rollout");
    return "apiVersion: whodecides.dev/v1\nkind: UseCase\nmetadata:\n  name: usecase-" + u
        + "\nspec:\n  team: " + team + "\n  problem: " + problem + "\n  description: " + description
        + "\n  businessOwner: user:" + lead + "\n  solution: model\n  needs: [data-scientist, ml-engineer]\n"
        + "  staffed: [user:" + lead + "]\n  volume: " + (1000 + random.nextInt(100000)) + "\n";
  }

  private static String user(String name, String team, String title) {
    return "apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: " + name
        + "\n  annotations:\n    whodecides.dev/title: " + title + "\nspec:\n  memberOf: [" + team + "]\n"
        + "  profile:\n    displayName: " + name + "\n";
  }

  private static String component(String name, String team, String system, String lifecycle, String dependsOn,
      String consumes) {
    StringBuilder b = new StringBuilder("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ")
        .append(name).append("\nspec:\n  type: service\n  lifecycle: ").append(lifecycle)
        .append("\n  owner: group:").append(team).append("\n  system: ").append(system).append('\n');
    if (dependsOn != null) {
      b.append("  dependsOn: [").append(dependsOn).append("]\n");
    }
    if (consumes != null) {
      b.append("  consumesApis: [").append(consumes).append("]\n");
    }
    return b.toString();
  }

  private static String decision(String name, String type, String scope, String owner) {
    return "apiVersion: whodecides.dev/v1\nkind: Decision\nmetadata:\n  name: " + name + "\nspec:\n  type: " + type
        + "\n  scope: " + scope + "\n" + (owner == null ? "" : "  owner: " + owner + "\n");
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
