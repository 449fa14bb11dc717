package dev.whodecides.rules;

import dev.whodecides.catalog.Entity;
import dev.whodecides.decisions.Declaration;
import dev.whodecides.decisions.PersonFit;
import dev.whodecides.vocabulary.Annotations;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import dev.whodecides.vocabulary.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An organization (a top-level group and everything under it) that uses only one of the two
 * product titles, whose holders therefore carry both the release call and the roadmap.
 */
@RuleInfo(
    id = "one-title-only",
    severity = Severity.INFO,
    summary = "An organization uses only one product title and its holders own both release and roadmap: make the both-hats choice consciously.",
    decisions = {DecisionType.RELEASE, DecisionType.ROADMAP})
public final class OneTitleOnly implements Rule {

  private static final Set<Role> PRODUCT_TITLES = EnumSet.of(Role.PRODUCT_OWNER, Role.PRODUCT_MANAGER);

  @Override
  public void check(AnalysedCatalog a, Reporter out) {
    Map<EntityRef, Set<Role>> titlesByRoot = new LinkedHashMap<>();
    Map<EntityRef, List<Entity>> holdersByRoot = new LinkedHashMap<>();
    for (Entity user : a.catalog().ofKind(Kind.USER)) {
      Optional<Role> title = Role.ofTitle(user.annotation(Annotations.TITLE));
      if (title.isEmpty() || !PRODUCT_TITLES.contains(title.get())) {
        continue;
      }
      for (EntityRef root : roots(a, user)) {
        titlesByRoot.computeIfAbsent(root, k -> EnumSet.noneOf(Role.class)).add(title.get());
        holdersByRoot.computeIfAbsent(root, k -> new ArrayList<>()).add(user);
      }
    }
    titlesByRoot.forEach((root, titles) -> {
      if (titles.size() != 1) {
        return;
      }
      List<String> both = new ArrayList<>();
      for (Entity holder : holdersByRoot.get(root)) {
        if (holds(a, holder.ref(), DecisionType.RELEASE) && holds(a, holder.ref(), DecisionType.ROADMAP)) {
          both.add(holder.ref().toString());
        }
      }
      if (both.isEmpty()) {
        return;
      }
      String title = titles.iterator().next() == Role.PRODUCT_OWNER ? "product owner" : "product manager";
      String other = title.equals("product owner") ? "product manager" : "product owner";
      String message = root + " has only the " + title + " title, and " + Products.list(both, 10)
          + (both.size() == 1 ? " owns" : " own") + " both release and roadmap decisions, so the " + other
          + "'s job falls to them too.";
      String action = "Fine if intended: write it down as the way this organization works. Otherwise create the "
          + other + " title and hand it the " + (other.equals("product manager") ? "roadmap" : "release call") + ".";
      Optional<Entity> group = a.catalog().get(root);
      if (group.isPresent()) {
        out.report(group.get(), message, action);
      } else {
        out.report(root, a.catalog().get(EntityRef.parse(both.get(0), Kind.USER.id())).orElseThrow(), message, null, action);
      }
    });
  }

  /** The top-level groups above the user's groups. */
  private static Set<EntityRef> roots(AnalysedCatalog a, Entity user) {
    Set<EntityRef> roots = new LinkedHashSet<>();
    for (EntityRef group : a.catalog().refs(user, "memberOf")) {
      EntityRef root = group;
      for (EntityRef r : a.ownership().chain(group)) {
        if (r.is(Kind.GROUP)) {
          root = r;
        }
      }
      roots.add(root);
    }
    return roots;
  }

  private static boolean holds(AnalysedCatalog a, EntityRef person, DecisionType type) {
    for (Declaration d : a.ownership().ownedBy(person)) {
      if (d.type() == type) {
        return true;
      }
    }
    return false;
  }
}
