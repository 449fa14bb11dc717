package dev.whodecides.report;

import dev.whodecides.decisions.Authority;
import dev.whodecides.decisions.Gap;
import dev.whodecides.vocabulary.EntityRef;
import java.util.List;

/**
 * Who holds decisions, whether a person may make one, and which decisions nobody holds, as {@code who} and
 * {@code may --format json}, the service's {@code /api/who} and {@code /api/authority} and the MCP tools give
 * them: one shape for all.
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

  /**
   * A decision a product needs an owner for and nobody holds: the role that would normally own it, and
   * whether a Decision names nobody ({@code explicitlyUnowned}, declared on {@code inheritedFrom}) or none
   * covers it (both false and null).
   */
  public record GapJson(String entity, String decision, String role, boolean explicitlyUnowned,
      String inheritedFrom) {}

  /** The {@code gaps} answer: on {@code scope} and what lies under it, or the whole catalog when it is null. */
  public record GapsJson(String scope, int count, List<GapJson> gaps) {}

  public static WhoJson who(EntityRef scope, List<Authority.Holding> holdings) {
    return new WhoJson(scope.toString(), holdings.stream().map(h -> new HoldingJson(h.decision().id(), text(h.owner()),
        text(h.inheritedFrom()), h.explicitlyUnowned(), h.conflicting().stream().map(EntityRef::toString).toList()))
        .toList());
  }

  public static MayJson may(Authority.Verdict v) {
    return new MayJson(v.allowed(), v.user().toString(), v.decision().id(), v.scope().toString(), text(v.owner()),
        text(v.inheritedFrom()), v.reason());
  }

  public static GapsJson gaps(EntityRef scope, List<Gap> gaps) {
    return new GapsJson(text(scope), gaps.size(), gaps.stream().map(g -> new GapJson(g.product().toString(),
        g.type().id(), g.type().role().id(), g.declaredUnowned(),
        g.governing() == null ? null : g.governing().inheritedFrom().toString())).toList());
  }

  private static String text(EntityRef ref) {
    return ref == null ? null : ref.toString();
  }
}
