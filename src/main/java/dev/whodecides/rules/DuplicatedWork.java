package dev.whodecides.rules;

import dev.whodecides.catalog.Entity;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Use cases of different teams that describe the same work, with nobody watching across teams. */
@RuleInfo(
    id = "duplicated-work",
    severity = Severity.WARNING,
    summary = "Use cases of different teams describe the same work and no portfolio owner covers those teams.",
    role = "domain-owner",
    decisions = DecisionType.PORTFOLIO)
public final class DuplicatedWork implements Rule {

  @Override
  public void check(AnalysedCatalog a, Reporter out) {
    List<Entity> useCases = a.catalog().ofKind(Kind.USECASE);
    List<String> texts = new ArrayList<>(useCases.size());
    for (Entity u : useCases) {
      texts.add((u.text("problem") == null ? "" : u.text("problem")) + " "
          + (u.text("description") == null ? "" : u.text("description")));
    }
    int[] clusterOf = NearDuplicates.clusters(texts, a.options().duplicateThreshold());
    Map<Integer, List<Entity>> clusters = new LinkedHashMap<>();
    for (int i = 0; i < clusterOf.length; i++) {
      clusters.computeIfAbsent(clusterOf[i], k -> new ArrayList<>()).add(useCases.get(i));
    }
    for (List<Entity> cluster : clusters.values()) {
      if (cluster.size() < 2) {
        continue;
      }
      Set<EntityRef> teams = new LinkedHashSet<>();
      for (Entity u : cluster) {
        a.catalog().ref(u, "team").ifPresent(teams::add);
      }
      if (teams.size() < 2 || coveredByOnePortfolioOwner(a, teams)) {
        continue;
      }
      // By reference, so the finding sits on the same use case whatever order files are read in.
      cluster.sort(Comparator.comparing(Entity::ref));
      List<String> names = cluster.stream().map(u -> u.ref() + " (" + u.text("team") + ")").toList();
      out.about(String.join(",", cluster.stream().map(u -> u.ref().toString()).toList())).report(cluster.get(0),
          cluster.size() + " use cases of " + teams.size() + " teams describe the same work and no portfolio owner"
              + " covers all of " + String.join(", ", teams.stream().map(EntityRef::toString).toList()) + ": "
              + Products.list(names, 8) + ".",
          "Have one domain owner look across these teams: add a Decision of type portfolio on the group above them"
              + " (their department or organization), then merge the work or agree who builds it once.");
    }
  }

  private static boolean coveredByOnePortfolioOwner(AnalysedCatalog a, Set<EntityRef> teams) {
    Set<EntityRef> owners = new HashSet<>();
    for (EntityRef team : teams) {
      EntityRef owner = a.ownership().owner(team, DecisionType.PORTFOLIO);
      if (owner == null) {
        return false;
      }
      owners.add(owner);
    }
    return owners.size() == 1;
  }
}
