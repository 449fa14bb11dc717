package dev.whodecides.catalog;

import static dev.whodecides.vocabulary.Kind.API;
import static dev.whodecides.vocabulary.Kind.COMPONENT;
import static dev.whodecides.vocabulary.Kind.DECISION;
import static dev.whodecides.vocabulary.Kind.DOMAIN;
import static dev.whodecides.vocabulary.Kind.GROUP;
import static dev.whodecides.vocabulary.Kind.IMPROVEMENT;
import static dev.whodecides.vocabulary.Kind.RESOURCE;
import static dev.whodecides.vocabulary.Kind.SYSTEM;
import static dev.whodecides.vocabulary.Kind.USECASE;
import static dev.whodecides.vocabulary.Kind.USER;

import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import java.util.List;

/**
 * A spec field that holds entity references: which kind of entity has it, whether it is a list,
 * and the kinds a reference without a kind is tried as, the first being Backstage's default.
 */
public record RefField(Kind entityKind, String field, boolean list, List<Kind> targets) {

  /** Every reference field the analysis follows, in the order they are checked. */
  public static final List<RefField> ALL = List.of(
      new RefField(COMPONENT, "owner", false, List.of(GROUP, USER)),
      new RefField(COMPONENT, "system", false, List.of(SYSTEM)),
      new RefField(COMPONENT, "subcomponentOf", false, List.of(COMPONENT)),
      new RefField(COMPONENT, "dependsOn", true, List.of(COMPONENT, RESOURCE)),
      new RefField(COMPONENT, "consumesApis", true, List.of(API)),
      new RefField(COMPONENT, "providesApis", true, List.of(API)),
      new RefField(API, "owner", false, List.of(GROUP, USER)),
      new RefField(API, "system", false, List.of(SYSTEM)),
      new RefField(RESOURCE, "owner", false, List.of(GROUP, USER)),
      new RefField(RESOURCE, "system", false, List.of(SYSTEM)),
      new RefField(RESOURCE, "dependsOn", true, List.of(COMPONENT, RESOURCE)),
      new RefField(SYSTEM, "owner", false, List.of(GROUP, USER)),
      new RefField(SYSTEM, "domain", false, List.of(DOMAIN)),
      new RefField(DOMAIN, "owner", false, List.of(GROUP, USER)),
      new RefField(DOMAIN, "subdomainOf", false, List.of(DOMAIN)),
      new RefField(GROUP, "parent", false, List.of(GROUP)),
      new RefField(GROUP, "children", true, List.of(GROUP)),
      new RefField(USER, "memberOf", true, List.of(GROUP)),
      new RefField(DECISION, "scope", false, List.of(COMPONENT, SYSTEM, DOMAIN, API, RESOURCE, GROUP)),
      new RefField(DECISION, "owner", false, List.of(GROUP, USER)),
      new RefField(DECISION, "consulted", true, List.of(USER, GROUP)),
      new RefField(DECISION, "informed", true, List.of(USER, GROUP)),
      new RefField(USECASE, "team", false, List.of(GROUP)),
      new RefField(USECASE, "businessOwner", false, List.of(USER, GROUP)),
      new RefField(USECASE, "staffed", true, List.of(USER)),
      new RefField(IMPROVEMENT, "target", false, List.of(COMPONENT, API, RESOURCE, SYSTEM)));

  /** The kind ids a reference without a kind is tried as, Backstage's default first. */
  public List<String> kinds() {
    return Kind.ids(targets);
  }

  public Kind defaultKind() {
    return targets.get(0);
  }

  /** True when entities of this kind have this field. */
  public boolean on(EntityRef ref) {
    return ref.is(entityKind);
  }
}
