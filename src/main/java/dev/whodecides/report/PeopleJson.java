package dev.whodecides.report;

import dev.whodecides.decisions.PersonFit;
import dev.whodecides.knowledge.Citation;
import dev.whodecides.knowledge.Knowledge;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * People with their titles, decisions, the role those decisions fit and why, as
 * {@code roles --format json} and the service's {@code /api/people} give them.
 */
public final class PeopleJson {

  private PeopleJson() {}

  public static List<Map<String, Object>> people(List<PersonFit> people, Knowledge knowledge) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (PersonFit p : people) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("person", p.person().toString());
      m.put("name", p.displayName());
      m.put("title", p.title());
      m.put("titleRole", p.titleRole() == null ? null : p.titleRole().id());
      m.put("decisions", p.decisions().stream().map(h -> {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", h.type().id());
        d.put("scope", h.scope().toString());
        d.put("entitiesCovered", h.entitiesCovered());
        d.put("role", h.role().id());
        d.put("reason", h.reason());
        return d;
      }).toList());
      m.put("fit", p.fit());
      m.put("fitRoles", p.fitRoles().stream().map(Role::id).toList());
      m.put("explanation", p.fitRoles().stream().map(r -> {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("role", r.id());
        e.put("decisions", p.pointingTo(r).stream().map(h -> h.type().id() + " @ " + h.scope()).toList());
        e.put("evidence", evidence(knowledge, p, r).stream().map(Json::citation).toList());
        return e;
      }).toList());
      rows.add(m);
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
