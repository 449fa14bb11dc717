package dev.whodecides.report;

import dev.whodecides.decisions.Authority;
import dev.whodecides.vocabulary.EntityRef;
import java.util.List;

/**
 * Who holds decisions and whether a person may make one, as {@code who} and {@code may --format json},
 * the service's {@code /api/who} and {@code /api/authority} and the MCP tools give them: one shape for all.
 */
public final class AuthorityJson {

  private AuthorityJson() {}

  /** One decision on one scope, fields in this order: the {@code who} contract. */
  public record HoldingJson(String decision, String owner, String inheritedFrom, boolean explicitlyUnowned,
      List<String> conflicting) {}

  /** The {@code who} answer. */
  public record WhoJson(String scope, List<HoldingJson> decisions) {}

  /** The {@code may} answer, fields in this order. */
  public record MayJson(boolean allowed, String user, String decision, String scope, String owner,
      String inheritedFrom, String reason) {}

  public static WhoJson who(EntityRef scope, List<Authority.Holding> holdings) {
    return new WhoJson(scope.toString(), holdings.stream().map(h -> new HoldingJson(h.decision().id(), text(h.owner()),
        text(h.inheritedFrom()), h.explicitlyUnowned(), h.conflicting().stream().map(EntityRef::toString).toList()))
        .toList());
  }

  public static MayJson may(Authority.Verdict v) {
    return new MayJson(v.allowed(), v.user().toString(), v.decision().id(), v.scope().toString(), text(v.owner()),
        text(v.inheritedFrom()), v.reason());
  }

  private static String text(EntityRef ref) {
    return ref == null ? null : ref.toString();
  }
}
