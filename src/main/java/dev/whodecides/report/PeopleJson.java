package dev.whodecides.report;

import dev.whodecides.decisions.PersonFit;
import dev.whodecides.knowledge.Citation;
import dev.whodecides.knowledge.Knowledge;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.Role;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * People with their titles, decisions, the role those decisions fit and why, as
 * {@code roles --format json} and the service's {@code /api/people} give them.
 */
public final class PeopleJson {

  private PeopleJson() {}

  /** A decision a person holds, the role it points to, and why. */
  public record HeldJson(String type, String scope, int entitiesCovered, String role, String reason) {}

  /** Why a person fits a role: the decisions that point there and the evidence behind them. */
  public record ExplanationJson(String role, List<String> decisions, List<Json.CitationJson> evidence) {}

  /** One person, fields in this order: the {@code roles --format json} contract. */
  public record PersonJson(String person, String name, String title, String titleRole, List<HeldJson> decisions,
      String fit, List<String> fitRoles, List<ExplanationJson> explanation) {}

  public static List<PersonJson> people(List<PersonFit> people, Knowledge knowledge) {
    List<PersonJson> rows = new ArrayList<>();
    for (PersonFit p : people) {
      rows.add(new PersonJson(p.person().toString(), p.displayName(), p.title(),
          p.titleRole() == null ? null : p.titleRole().id(),
          p.decisions().stream().map(h -> new HeldJson(h.type().id(), h.scope().toString(), h.entitiesCovered(),
              h.role().id(), h.reason())).toList(),
          p.fit(), p.fitRoles().stream().map(Role::id).toList(),
          p.fitRoles().stream().map(r -> new ExplanationJson(r.id(),
              p.pointingTo(r).stream().map(h -> h.type().id() + " @ " + h.scope()).toList(),
              evidence(knowledge, p, r).stream().map(Json::citation).toList())).toList()));
    }
    return rows;
  }

  /** The citations behind the core decisions that made a person fit a role. */
  public static List<Citation> evidence(Knowledge knowledge, PersonFit p, Role role) {
    LinkedHashSet<Citation> out = new LinkedHashSet<>();
    for (PersonFit.Held h : p.pointingTo(role)) {
      String cardId = h.role() == h.type().role() ? h.type().id() : DecisionType.of(role).get(0).id();
      knowledge.decisionType(cardId).ifPresent(card -> {
        for (Knowledge.Claim claim : knowledge.claims(card.claims())) {
          out.addAll(knowledge.citations(claim));
        }
      });
    }
    return List.copyOf(out);
  }
}
