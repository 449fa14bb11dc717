package dev.whodecides.generate;

/** The YAML text of each kind of document {@link OrgGenerator} writes; a null optional field is left out. */
final class Documents {

  private static final String BACKSTAGE = "apiVersion: backstage.io/v1alpha1\n";
  private static final String WHODECIDES = "apiVersion: whodecides.dev/v1\n";

  private Documents() {}

  static String group(String name, String type, String parent) {
    return BACKSTAGE + "kind: Group\nmetadata:\n  name: " + name + "\nspec:\n  type: " + type + "\n"
        + (parent == null ? "" : "  parent: " + parent + "\n") + "  children: []\n";
  }

  static String domain(String name, String team) {
    return BACKSTAGE + "kind: Domain\nmetadata:\n  name: " + name + "\nspec:\n  owner: group:" + team + "\n";
  }

  static String system(String name, String team, String domain) {
    return BACKSTAGE + "kind: System\nmetadata:\n  name: " + name + "\nspec:\n  owner: group:" + team
        + "\n  domain: " + domain + "\n";
  }

  /** A person with a job title and, unless null, skills (comma-separated skill ids). */
  static String user(String name, String team, String title, String skills) {
    return BACKSTAGE + "kind: User\nmetadata:\n  name: " + name + "\n  annotations:\n    whodecides.dev/title: "
        + title + "\n" + (skills == null ? "" : "    whodecides.dev/skills: \"" + skills + "\"\n")
        + "spec:\n  memberOf: [" + team + "]\n  profile:\n    displayName: " + name + "\n";
  }

  /** A component; {@code annotations} are ready-indented lines. */
  static String component(String name, String annotations, String team, String system, String lifecycle,
      String dependsOn, String consumes) {
    StringBuilder b = new StringBuilder(BACKSTAGE).append("kind: Component\nmetadata:\n  name: ").append(name)
        .append('\n');
    if (annotations != null) {
      b.append("  annotations:\n").append(annotations);
    }
    b.append("spec:\n  type: service\n  lifecycle: ").append(lifecycle)
        .append("\n  owner: group:").append(team).append("\n  system: ").append(system).append('\n');
    if (dependsOn != null) {
      b.append("  dependsOn: [").append(dependsOn).append("]\n");
    }
    if (consumes != null) {
      b.append("  consumesApis: [").append(consumes).append("]\n");
    }
    return b.toString();
  }

  static String api(String name, String team, String system) {
    return BACKSTAGE + "kind: API\nmetadata:\n  name: " + name + "\nspec:\n  type: openapi\n  lifecycle: production\n"
        + "  owner: group:" + team + "\n  system: " + system + "\n  definition: openapi spec of " + name + "\n";
  }

  static String dataset(String name, String team, String system) {
    return BACKSTAGE + "kind: Resource\nmetadata:\n  name: " + name + "\nspec:\n  type: dataset\n  owner: group:" + team
        + "\n  system: " + system + "\n";
  }

  /**
   * An ODCS contract for an API or dataset, matched by name. With {@code promises} false it states
   * nothing checkable; with {@code quality} it also carries a quality rule on the key.
   */
  static String contract(String product, String status, boolean promises, boolean quality) {
    StringBuilder b = new StringBuilder("apiVersion: v3.0.2\nkind: DataContract\nid: ").append(product)
        .append("-contract\nname: ").append(product).append("\nversion: 1.0.0\nstatus: ").append(status)
        .append("\ndataProduct: ").append(product).append('\n');
    if (promises && quality) {
      b.append("schema:\n  - name: ").append(product.replace('-', '_')).append("\n    properties:\n")
          .append("      - name: id\n        logicalType: string\n        required: true\n        quality:\n")
          .append("          - type: library\n            metric: nullValues\n            mustBe: 0\n");
    }
    if (promises) {
      b.append("slaProperties:\n  - property: latency\n    value: 4\n    unit: h\n");
    }
    return b.toString();
  }

  static String decision(String name, String type, String scope, String owner) {
    return WHODECIDES + "kind: Decision\nmetadata:\n  name: " + name + "\nspec:\n  type: " + type + "\n  scope: " + scope
        + "\n" + (owner == null ? "" : "  owner: " + owner + "\n");
  }

  /** A use case; {@code needs} and {@code staffed} are the insides of flow lists. */
  static String useCase(String name, String follows, String team, String problem, String description,
      String businessOwner, String solution, String needs, String staffed, Long volume) {
    StringBuilder b = new StringBuilder(WHODECIDES).append("kind: UseCase\nmetadata:\n  name: ").append(name)
        .append('\n');
    if (follows != null) {
      b.append("  annotations:\n    whodecides.dev/follows: ").append(follows).append('\n');
    }
    b.append("spec:\n  team: ").append(team).append('\n');
    if (problem != null) {
      b.append("  problem: ").append(problem).append('\n');
    }
    b.append("  description: ").append(description).append('\n');
    if (businessOwner != null) {
      b.append("  businessOwner: ").append(businessOwner).append('\n');
    }
    b.append("  solution: ").append(solution).append("\n  needs: [").append(needs).append("]\n")
        .append("  staffed: [").append(staffed == null ? "" : staffed).append("]\n");
    if (volume != null) {
      b.append("  volume: ").append(volume).append('\n');
    }
    return b.toString();
  }

  static String improvement(String name, String target, String metric, String current, String goal,
      String businessMetric) {
    return WHODECIDES + "kind: Improvement\nmetadata:\n  name: " + name + "\nspec:\n  target: " + target
        + "\n  metric: " + metric + "\n  current: " + current + "\n  goal: " + goal + "\n"
        + (businessMetric == null ? "" : "  businessMetric: " + businessMetric + "\n")
        + "  description: Make the " + metric + " of " + target.substring(target.indexOf(':') + 1) + " better.\n";
  }
}
