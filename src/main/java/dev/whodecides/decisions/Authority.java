package dev.whodecides.decisions;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who holds a decision on an entity, and whether a given person may make it there: the questions
 * {@code who}, {@code may}, the service and the MCP server ask. Read from {@link Ownership}'s effective
 * owners, the same answer lint's gaps and the matrix show, so none of them can disagree. A person
 * holds a decision only when they are its effective owner by name: a group owner is nobody in
 * particular, and recording a release call refuses group members for the same reason.
 */
public final class Authority {

  /**
   * Who holds one decision on one entity. {@code owner} and {@code inheritedFrom} are null when no
   * Decision covers it; {@code explicitlyUnowned} when the governing Decision names nobody;
   * {@code conflicting} the other owners claimed for it on the same scope (a competing Decision that
   * names nobody is listed by its own reference).
   */
  public record Holding(DecisionType decision, EntityRef owner, EntityRef inheritedFrom, boolean explicitlyUnowned,
      List<EntityRef> conflicting, Declaration declaration) {}

  /** Whether {@code user} may make {@code decision} on {@code scope}, who holds it, and why, in words. */
  public record Verdict(boolean allowed, EntityRef user, DecisionType decision, EntityRef scope, EntityRef owner,
      EntityRef inheritedFrom, String reason) {}

  /**
   * A question that cannot be answered as asked: a word that is no decision type, text that is no
   * reference, or an entity the catalog lacks ({@code unknown}).
   */
  public static final class BadQuery extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean unknown;

    BadQuery(String message, boolean unknown) {
      super(message);
      this.unknown = unknown;
    }

    /** True when the question names an entity the catalog does not have (rather than malformed text). */
    public boolean unknown() {
      return unknown;
    }
  }

  private final Ownership ownership;

  private Authority(Ownership ownership) {
    this.ownership = ownership;
  }

  public static Authority of(Ownership ownership) {
    return new Authority(ownership);
  }

  /** Who holds every decision type on {@code scope}, in {@link DecisionType} order. */
  public List<Holding> who(EntityRef scope) {
    return Arrays.stream(DecisionType.values()).map(t -> who(scope, t)).toList();
  }

  /**
   * The {@code who} question as {@code who}, the API and the MCP tool ask it: every decision type on
   * {@code scope} when {@code decision} is null, else only the type that word names (a {@link BadQuery}
   * when it names none).
   */
  public List<Holding> holdings(EntityRef scope, String decision) {
    return decision == null ? who(scope) : List.of(who(scope, decisionType(decision)));
  }

  /** Who holds {@code type} on {@code scope}. */
  public Holding who(EntityRef scope, DecisionType type) {
    Optional<Effective> e = ownership.effective(scope, type);
    if (e.isEmpty()) {
      return new Holding(type, null, null, false, List.of(), null);
    }
    Declaration governing = e.get().declaration();
    List<EntityRef> conflicting = new ArrayList<>();
    for (Declaration d : ownership.declaredOn(e.get().inheritedFrom(), type)) {
      if (d != governing && !Objects.equals(d.owner(), governing.owner())) {
        EntityRef other = d.owner() == null ? d.source().ref() : d.owner();
        if (!conflicting.contains(other)) {
          conflicting.add(other);
        }
      }
    }
    return new Holding(type, governing.owner(), e.get().inheritedFrom(), !governing.owned(), List.copyOf(conflicting),
        governing);
  }

  /**
   * The gaps lint reports (decisions a product needs an owner for and nobody holds, {@link Gaps}) on
   * {@code scope} and what lies under it: the products whose ownership chain passes through it, so a
   * System's components, a Domain's systems and theirs, a Group's products. Every gap when {@code scope}
   * is null. In catalog order, each product's in {@link DecisionType} order.
   */
  public List<Gap> gaps(EntityRef scope) {
    List<Gap> all = ownership.gaps().all();
    return scope == null ? all : all.stream().filter(g -> ownership.chain(g.product()).contains(scope)).toList();
  }

  /** Whether {@code user} holds {@code type} on {@code scope}, with the reason in one sentence. */
  public Verdict may(EntityRef user, DecisionType type, EntityRef scope) {
    Holding h = who(scope, type);
    String what = "the " + type.id() + " decision for " + scope;
    String from = h.inheritedFrom() == null ? "" : h.inheritedFrom().equals(scope) ? " (declared on it directly"
        + where(h) + ")" : " (inherited from " + h.inheritedFrom() + where(h) + ")";
    String conflict = h.conflicting().isEmpty() ? "" : "; note that it is also claimed for "
        + h.conflicting().stream().map(EntityRef::toString).collect(Collectors.joining(", "))
        + ", a conflict to settle in the catalog";
    String reason;
    boolean allowed = false;
    if (h.inheritedFrom() == null) {
      reason = "Nobody holds " + what + ": no Decision of type " + type.id() + " covers it or anything above it.";
    } else if (h.explicitlyUnowned()) {
      reason = "Nobody holds " + what + ": it is declared explicitly unowned" + from + conflict + ".";
    } else if (h.owner().equals(user)) {
      allowed = true;
      reason = user + " holds " + what + from + conflict + ".";
    } else if (h.owner().is(Kind.GROUP)) {
      reason = h.owner() + " holds " + what + from + ", a group rather than a person, so nobody in particular may make"
          + " the call" + (memberOf(user, h.owner()) ? " (" + user + " is a member)" : "")
          + "; name one person as its owner" + conflict + ".";
    } else {
      reason = h.owner() + " holds " + what + from + ", not " + user + conflict + ".";
    }
    return new Verdict(allowed, user, type, scope, h.owner(), h.inheritedFrom(), reason);
  }

  private static String where(Holding h) {
    return h.declaration() == null ? "" : " at " + h.declaration().source().where();
  }

  /** True when {@code user} belongs to {@code group} or one of its sub-groups. */
  boolean memberOf(EntityRef user, EntityRef group) {
    Catalog c = ownership.catalog();
    Set<EntityRef> groups = new LinkedHashSet<>();
    c.get(user).ifPresent(u -> groups.addAll(c.refs(u, "memberOf")));
    for (EntityRef g : groups) {
      if (ownership.chain(g).contains(group)) {
        return true;
      }
    }
    return false;
  }

  /** The decision type a word names; a {@link BadQuery} listing the types otherwise. */
  public static DecisionType decisionType(String text) {
    if (text == null || text.isBlank()) {
      throw new BadQuery("name the decision type: one of " + typeIds(), false);
    }
    return DecisionType.byId(text.strip()).orElseThrow(() -> new BadQuery("'" + text + "' is not a decision type; use one of "
        + typeIds(), false));
  }

  /** The entity a scope reference names (short names tried as each kind a Decision may cover). */
  public EntityRef scope(String text) {
    EntityRef ref = existing(text, "scope", Kind.SCOPES);
    if (Kind.SCOPES.stream().noneMatch(ref::is)) {
      throw new BadQuery("scope " + ref + " is a " + ref.kind() + "; a decision is held on a Component, API, Resource,"
          + " System, Domain or Group", false);
    }
    return ref;
  }

  /** The person a user reference names. */
  public EntityRef user(String text) {
    EntityRef ref = existing(text, "user", List.of(Kind.USER));
    if (!ref.is(Kind.USER)) {
      throw new BadQuery("user " + ref + " is a " + ref.kind() + ", not a person; name a User such as user:jane.doe",
          false);
    }
    return ref;
  }

  private EntityRef existing(String text, String field, List<Kind> kinds) {
    if (text == null || text.isBlank()) {
      throw new BadQuery("name the " + field + ", e.g. " + (field.equals("user") ? "user:jane.doe" : "component:checkout"),
          false);
    }
    Catalog c = ownership.catalog();
    EntityRef ref = c.resolve(text.strip(), kinds)
        .orElseThrow(() -> new BadQuery(field + " '" + text + "' is not a reference; write [kind:][namespace/]name",
            false));
    if (!c.exists(ref)) {
      throw new BadQuery(field + " " + ref + " is not in the catalog; check the spelling or the catalog paths", true);
    }
    return ref;
  }

  private static String typeIds() {
    return Arrays.stream(DecisionType.values()).map(DecisionType::id).collect(Collectors.joining(", "));
  }
}
