package dev.whodecides.vocabulary;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of catalog entity whodecides reads: Backstage's own and whodecides' three. Ids are the
 * lower-case kind names that references carry ({@code component:default/checkout}).
 */
public enum Kind {
  COMPONENT("Component", Schema.BACKSTAGE),
  API("API", Schema.BACKSTAGE),
  RESOURCE("Resource", Schema.BACKSTAGE),
  SYSTEM("System", Schema.BACKSTAGE),
  DOMAIN("Domain", Schema.BACKSTAGE),
  GROUP("Group", Schema.BACKSTAGE),
  USER("User", Schema.BACKSTAGE),
  LOCATION("Location", Schema.BACKSTAGE),
  DECISION("Decision", Schema.WHODECIDES),
  USECASE("UseCase", Schema.WHODECIDES),
  IMPROVEMENT("Improvement", Schema.WHODECIDES);

  /** Which apiVersion family defines a kind. */
  public enum Schema { BACKSTAGE, WHODECIDES }

  /** The apiVersions of Backstage entities whodecides reads. */
  public static final Set<String> BACKSTAGE_VERSIONS = Set.of("backstage.io/v1alpha1", "backstage.io/v1beta1");
  /** The apiVersion of whodecides' own kinds. */
  public static final String WHODECIDES_VERSION = "whodecides.dev/v1";

  /**
   * What a product is: the entities a release is recorded for, a contract covers, a person
   * searches for by name. Systems count: a release may be called for a whole system.
   */
  public static final List<Kind> PRODUCTS = List.of(COMPONENT, API, RESOURCE, SYSTEM);
  /** The products that can miss an owner of their own (a system is a grouping, not a deliverable). */
  public static final List<Kind> DELIVERABLES = List.of(COMPONENT, API, RESOURCE);
  /** What a Decision may be scoped to. */
  public static final List<Kind> SCOPES = List.of(COMPONENT, API, RESOURCE, SYSTEM, DOMAIN, GROUP);
  /** What a reference typed by a person is tried as, most looked-up first. */
  public static final List<Kind> LOOKUP =
      List.of(COMPONENT, API, RESOURCE, SYSTEM, DOMAIN, GROUP, USER, DECISION, USECASE, IMPROVEMENT);
  /** Who may own an entity or a decision. */
  public static final List<Kind> OWNERS = List.of(GROUP, USER);

  private final String id;
  private final String displayName;
  private final Schema schema;

  Kind(String displayName, Schema schema) {
    this.id = displayName.toLowerCase(Locale.ROOT);
    this.displayName = displayName;
    this.schema = schema;
  }

  /** The lower-case id references use, e.g. {@code usecase}. */
  public String id() {
    return id;
  }

  /** The kind as documents write it, e.g. {@code UseCase}. */
  public String displayName() {
    return displayName;
  }

  public Schema schema() {
    return schema;
  }

  /** The kind a document's {@code kind} or a reference's kind names, in any case. */
  public static Optional<Kind> byId(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String lower = id.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(k -> k.id.equals(lower)).findFirst();
  }

  /** The kinds one apiVersion family defines. */
  public static Set<Kind> of(Schema schema) {
    EnumSet<Kind> out = EnumSet.noneOf(Kind.class);
    for (Kind k : values()) {
      if (k.schema == schema) {
        out.add(k);
      }
    }
    return out;
  }

  /** The ids of some kinds, in order: what {@code Catalog.resolve} tries a bare name as. */
  public static List<String> ids(List<Kind> kinds) {
    return kinds.stream().map(Kind::id).toList();
  }

  @Override
  public String toString() {
    return id;
  }
}
