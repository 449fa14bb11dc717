package dev.whodecides.web;

import dev.whodecides.decisions.PersonFit;
import dev.whodecides.knowledge.Citation;
import dev.whodecides.knowledge.Knowledge;
import dev.whodecides.report.PeopleJson;
import dev.whodecides.vocabulary.Role;
import dev.whodecides.web.view.Model.Chrome;
import dev.whodecides.web.view.Model.People;
import dev.whodecides.web.view.Model.PersonRow;
import java.util.ArrayList;
import java.util.List;

/** People: each person's title beside the role their decisions fit, and why. */
final class PeoplePage {

  /** Citations a person's row shows at most. */
  private static final int EVIDENCE = 3;

  private PeoplePage() {}

  static People build(Analysis a, Chrome chrome, String q, boolean mismatchOnly, int page) {
    String needle = Display.needle(q);
    List<PersonFit> matching = a.people().stream()
        .filter(p -> needle.isEmpty() || Display.contains(p.displayName(), needle)
            || Display.contains(p.person().name(), needle) || Display.contains(p.title(), needle))
        .filter(p -> !mismatchOnly || mismatch(p))
        .toList();
    Listing listing = Listing.of(page, Listing.PAGE_SIZE, matching.size());
    Knowledge knowledge = a.lint().analysis().knowledge();
    List<PersonRow> rows = new ArrayList<>();
    for (PersonFit p : listing.slice(matching)) {
      List<String> held = p.decisions().stream()
          .map(h -> h.type().id() + " for " + Display.shortRef(h.scope())
              + (h.entitiesCovered() > 1 ? " (" + h.entitiesCovered() + " entities)" : ""))
          .toList();
      List<Citation> cites = new ArrayList<>();
      for (Role r : p.fitRoles()) {
        cites.addAll(PeopleJson.evidence(knowledge, p, r));
      }
      rows.add(new PersonRow(p.person().toString(), p.displayName(), Links.entity(p.person()), p.title(),
          p.titleRole() == null ? null : p.titleRole().id(), p.fit(), mismatch(p), held,
          Display.evidence(cites).stream().limit(EVIDENCE).toList()));
    }
    return new People(chrome, rows, listing.pager(n -> "/people?"
        + Display.query("q", q, "mismatch", mismatchOnly ? "1" : null) + "page=" + n), q, mismatchOnly);
  }

  /** A title that names a role none of the person's decisions fit. */
  static boolean mismatch(PersonFit p) {
    return p.titleRole() != null && !p.fitRoles().isEmpty() && !p.fitRoles().contains(p.titleRole());
  }
}
