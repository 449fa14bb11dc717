package dev.whodecides.report;

import dev.whodecides.decisions.PersonFit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** People with their titles, decisions and fitting role, as {@code roles --format json} and the API give them. */
public final class PeopleJson {

  private PeopleJson() {}

  public static List<Map<String, Object>> people(List<PersonFit> people) {
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
        return d;
      }).toList());
      m.put("fit", p.fit());
      m.put("fitRoles", p.fitRoles().stream().map(r -> r.id()).toList());
      rows.add(m);
    }
    return rows;
  }
}
