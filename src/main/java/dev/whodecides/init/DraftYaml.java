package dev.whodecides.init;

import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import java.time.LocalDate;
import java.util.List;

/**
 * The YAML file of one team's drafted Decisions: each Decision without an owner, which records it
 * as unowned until somebody is named, and above it a comment with the question it settles and the
 * candidates, so filling it in is a matter of uncommenting one line.
 */
public final class DraftYaml {

  private DraftYaml() {}

  /** The file's text; every Decision is to be reviewed by {@code reviewBy}. */
  public static String of(TeamDrafts team, LocalDate reviewBy) {
    StringBuilder y = new StringBuilder();
    y.append("# Decision rights of ").append(team.displayName()).append(" (").append(team.team())
        .append("), drafted by whodecides init.\n")
        .append("# Each Decision below has no owner yet, which whodecides reports as an open gap. Name one person\n")
        .append("# per Decision (uncomment an owner line or write your own), or leave it empty on purpose.\n")
        .append("# reviewBy is when lint asks for each owner to be confirmed again (stale-decision).\n");
    for (Draft d : team.drafts()) {
      y.append("---\n");
      y.append("# ").append(question(d.type())).append(" For ").append(d.scope());
      if (!(d.products().size() == 1 && d.products().get(0).equals(d.scope()))) {
        y.append(" (").append(list(d.products())).append(')');
      }
      y.append(".\n# Usually held by a ").append(d.type().role().id()).append(".");
      if (d.candidates().isEmpty()) {
        y.append(" Nobody on the team has a title that fits; name whoever makes this call today.\n");
      } else {
        y.append(" Candidates:\n");
        for (Draft.Candidate c : d.candidates()) {
          y.append("#   ").append(c.person()).append(" (")
              .append(c.displayName().equals(c.person().name()) ? "" : c.displayName() + "; ")
              .append(c.why()).append(")\n");
        }
      }
      y.append("apiVersion: whodecides.dev/v1\n")
          .append("kind: Decision\n")
          .append("metadata:\n")
          .append("  name: ").append(d.name()).append('\n')
          .append("spec:\n")
          .append("  type: ").append(d.type().id()).append('\n')
          .append("  scope: ").append(d.scope()).append('\n');
      if (d.candidates().isEmpty()) {
        y.append("  # owner: user:NAME\n");
      } else {
        for (Draft.Candidate c : d.candidates()) {
          y.append("  # owner: ").append(c.person()).append('\n');
        }
      }
      y.append("  reviewBy: ").append(reviewBy).append('\n');
    }
    return y.toString();
  }

  private static String list(List<EntityRef> products) {
    List<String> names = products.stream().map(EntityRef::toString).toList();
    return names.size() <= 5 ? String.join(", ", names)
        : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
  }

  /** What the decision settles, in one line for a comment. */
  static String question(DecisionType type) {
    return switch (type) {
      case RELEASE -> "Who says a new version is good enough to ship, or that it waits?";
      case ROADMAP -> "Who chooses which problem goes on the roadmap next?";
      case PRIORITIZATION -> "Who sets the order of the backlog?";
      case DISCOVERY -> "Who decides which customer problems and hypotheses to test?";
      case LAUNCH -> "Who decides how a release is rolled out and how its success is measured?";
      case STAFFING -> "Who decides which skills and people the work needs?";
      case PORTFOLIO -> "Who looks across teams for duplicated work and decides where people go?";
      case GUARANTEES -> "Who promises consumers the quality, timeliness and completeness of this data?";
      case ACCESS_PATH -> "Who decides which data product or access path a consumer gets?";
      case COMPLIANCE -> "Who answers for personal data, compliance and documentation?";
    };
  }
}
