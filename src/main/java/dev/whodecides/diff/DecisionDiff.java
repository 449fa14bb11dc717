package dev.whodecides.diff;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.Entity;
import dev.whodecides.decisions.Declaration;
import dev.whodecides.decisions.Effective;
import dev.whodecides.decisions.Gaps;
import dev.whodecides.decisions.Ownership;
import dev.whodecides.knowledge.Citation;
import dev.whodecides.knowledge.Knowledge;
import dev.whodecides.rules.BuiltInRules;
import dev.whodecides.rules.Finding;
import dev.whodecides.vocabulary.Annotations;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Compares two versions of a catalog the way a reviewer asks about a pull request: which product
 * decisions lost their owner, gained one or changed hands, and which findings are new or fixed.
 *
 * <p>Gaps come from the one gap model ({@link Gaps#needed} and {@link Ownership#effective}), so the
 * diff agrees with lint and the matrix. One addition: an owner that is in neither the catalog nor
 * the configuration's {@code external} list counts as nobody, since a person deleted from the
 * catalog can no longer make the call; that is how removing a person opens the gaps of the
 * decisions they held.
 */
public final class DecisionDiff {

  private final Side base;
  private final Side head;
  private final Knowledge knowledge;

  private DecisionDiff(Side base, Side head) {
    this.base = base;
    this.head = head;
    this.knowledge = head.lint().analysis().knowledge();
  }

  public static DiffResult compare(Side base, Side head) {
    return new DecisionDiff(base, head).compare();
  }

  private DiffResult compare() {
    List<Change> changes = new ArrayList<>();
    ownership(changes);
    findings(changes);
    changes.sort(Comparator.comparingInt((Change c) -> Change.KINDS.indexOf(c.change()))
        .thenComparing(c -> c.file() == null ? "" : c.file())
        .thenComparingInt(Change::line)
        .thenComparing(c -> c.entity() == null ? "" : c.entity())
        .thenComparing(c -> c.decision() == null ? "" : c.decision())
        .thenComparing(c -> c.rule() == null ? "" : c.rule()));
    return new DiffResult(List.copyOf(changes), people(), base.label(), head.label());
  }

  private void ownership(List<Change> out) {
    Catalog before = base.lint().catalog();
    Catalog after = head.lint().catalog();
    Ownership was = base.lint().analysis().ownership();
    Ownership now = head.lint().analysis().ownership();
    Set<EntityRef> consumedBefore = was.gaps().consumers().keySet();
    Set<EntityRef> consumedAfter = now.gaps().consumers().keySet();
    for (Kind kind : Kind.DELIVERABLES) {
      for (Entity product : after.ofKind(kind)) {
        Optional<Entity> old = before.get(product.ref());
        if (old.isEmpty()) {
          continue; // a new product: its gaps show as new findings
        }
        List<DecisionType> neededNow = Gaps.needed(product, consumedAfter.contains(product.ref()));
        List<DecisionType> neededThen = Gaps.needed(old.get(), consumedBefore.contains(product.ref()));
        Set<DecisionType> types = EnumSet.noneOf(DecisionType.class);
        types.addAll(neededNow);
        types.addAll(neededThen);
        for (DecisionType t : types) {
          Optional<Effective> effThen = was.effective(product.ref(), t);
          Optional<Effective> effNow = now.effective(product.ref(), t);
          EntityRef ownerThen = owner(base, effThen);
          EntityRef ownerNow = owner(head, effNow);
          if (ownerThen != null && ownerNow == null && neededNow.contains(t)) {
            out.add(change(Change.GAP_OPENED, product, t, ownerThen, null, effThen, effNow,
                gapOpened(product, t, ownerThen, effThen, effNow)));
          } else if (ownerThen == null && ownerNow != null && neededThen.contains(t)) {
            out.add(change(Change.GAP_CLOSED, product, t, null, ownerNow, effThen, effNow,
                "Now " + name(head, ownerNow) + " (" + ownerNow + ") holds the " + t.id() + " decision of "
                    + product.ref() + ", which nobody held before."));
          } else if (ownerThen != null && ownerNow != null && !ownerThen.equals(ownerNow)) {
            out.add(change(Change.OWNER_CHANGED, product, t, ownerThen, ownerNow, effThen, effNow,
                "The " + t.id() + " decision of " + product.ref() + " moves from " + name(base, ownerThen) + " ("
                    + ownerThen + ") to " + name(head, ownerNow) + " (" + ownerNow + ")."));
          }
        }
      }
    }
  }

  private String gapOpened(Entity product, DecisionType t, EntityRef ownerThen, Optional<Effective> effThen,
      Optional<Effective> effNow) {
    String was = "it was " + name(base, ownerThen) + " (" + ownerThen + ")"
        + effThen.map(e -> ", by " + where(base, e.declaration())).orElse("");
    String now;
    if (effNow.isEmpty()) {
      now = "no " + t.id() + " decision covers it any more";
    } else if (effNow.get().owner() == null) {
      now = "the " + t.id() + " decision at " + where(head, effNow.get().declaration()) + " names no owner";
    } else {
      now = effNow.get().owner() + ", the owner at " + where(head, effNow.get().declaration())
          + ", is not in the catalog";
    }
    return "Nobody holds the " + t.id() + " decision of " + product.ref() + " any more: " + was + "; now " + now + ".";
  }

  private Change change(String kind, Entity product, DecisionType t, EntityRef before, EntityRef after,
      Optional<Effective> effThen, Optional<Effective> effNow, String message) {
    String file;
    int line;
    if (effNow.isPresent()) {
      Entity src = effNow.get().declaration().source();
      file = head.files().apply(src.file());
      line = src.line();
    } else {
      file = head.files().apply(product.file());
      line = product.line();
    }
    String rule = kind.equals(Change.OWNER_CHANGED) ? null : BuiltInRules.gapRule(t).orElse(null);
    Citation evidence = rule == null ? null : knowledge.evidenceForRule(rule).stream().findFirst().orElse(null);
    if (evidence == null) {
      evidence = knowledge.decisionType(t.id()).flatMap(card -> knowledge.claims(card.claims()).stream()
          .flatMap(c -> knowledge.citations(c).stream()).findFirst()).orElse(null);
    }
    return new Change(kind, product.ref().toString(), t.id(), before == null ? null : before.toString(),
        after == null ? null : after.toString(), rule, file, line, message, product.displayName(),
        before == null ? null : name(base, before),
        effThen.map(e -> base.files().apply(e.declaration().source().file())).orElse(null),
        t.role().id(), evidence);
  }

  /** The effective owner, or null when none is named or the one named exists nowhere the catalog knows. */
  private static EntityRef owner(Side side, Optional<Effective> eff) {
    if (eff.isEmpty() || eff.get().owner() == null) {
      return null;
    }
    EntityRef o = eff.get().owner();
    return side.lint().catalog().exists(o) || side.policy().isExternal(o.toString()) ? o : null;
  }

  private static String name(Side side, EntityRef ref) {
    return side.lint().catalog().get(ref).map(Entity::displayName).orElse(ref.name());
  }

  private static String where(Side side, Declaration d) {
    return side.files().apply(d.source().file()) + ":" + d.source().line();
  }

  private void findings(List<Change> out) {
    Map<String, Finding> then = new HashMap<>();
    for (Finding f : base.lint().findings()) {
      then.putIfAbsent(f.fingerprint(), f);
    }
    Set<String> now = new HashSet<>();
    for (Finding f : head.lint().findings()) {
      now.add(f.fingerprint());
      if (!then.containsKey(f.fingerprint())) {
        out.add(finding(Change.FINDING_NEW, f, head));
      }
    }
    then.forEach((fp, f) -> {
      if (!now.contains(fp)) {
        out.add(finding(Change.FINDING_FIXED, f, base));
      }
    });
  }

  private Change finding(String kind, Finding f, Side side) {
    String decision = DecisionType.byId(f.subject().split("\\|", 2)[0]).map(DecisionType::id).orElse(null);
    String entityName = null;
    if (f.entity() != null) {
      try {
        entityName = side.lint().catalog().get(EntityRef.parse(f.entity(), null)).map(Entity::displayName).orElse(null);
      } catch (IllegalArgumentException e) {
        entityName = null; // a finding about a file rather than a named entity
      }
    }
    return new Change(kind, f.entity(), decision, null, null, f.rule(), side.files().apply(f.file()), f.line(),
        f.message(), entityName, null, null, f.recommendation().role(),
        f.evidence().isEmpty() ? null : f.evidence().get(0));
  }

  /** People who left, changed title or moved teams while holding decisions. */
  private List<PersonChange> people() {
    Catalog before = base.lint().catalog();
    Catalog after = head.lint().catalog();
    Ownership was = base.lint().analysis().ownership();
    Ownership now = head.lint().analysis().ownership();
    List<PersonChange> out = new ArrayList<>();
    for (Entity p : before.ofKind(Kind.USER)) {
      Optional<Entity> q = after.get(p.ref());
      List<String> what = new ArrayList<>();
      List<Declaration> held;
      if (q.isEmpty()) {
        if (head.policy().isExternal(p.ref().toString())) {
          continue;
        }
        what.add("left the catalog");
        held = was.ownedBy(p.ref());
      } else {
        String t0 = p.annotation(Annotations.TITLE);
        String t1 = q.get().annotation(Annotations.TITLE);
        if (!Objects.equals(t0, t1)) {
          what.add("title " + (t0 == null ? "(none)" : t0) + " → " + (t1 == null ? "(none)" : t1));
        }
        Set<EntityRef> m0 = new HashSet<>(before.refs(p, "memberOf"));
        Set<EntityRef> m1 = new HashSet<>(after.refs(q.get(), "memberOf"));
        if (!m0.equals(m1)) {
          what.add("member of " + names(before.refs(p, "memberOf")) + " → " + names(after.refs(q.get(), "memberOf")));
        }
        held = now.ownedBy(p.ref());
      }
      if (what.isEmpty() || held.isEmpty()) {
        continue;
      }
      out.add(new PersonChange(p.ref().toString(), p.displayName(), String.join("; ", what),
          held.stream().map(d -> d.type().id() + " of " + d.scope()).toList()));
    }
    return List.copyOf(out);
  }

  private static String names(List<EntityRef> refs) {
    return refs.isEmpty() ? "no team" : String.join(", ", refs.stream().map(EntityRef::toString).toList());
  }
}
