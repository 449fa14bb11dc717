package dev.whodecides.catalog;

import java.util.List;

/**
 * A spec field that holds entity references: which kind of entity has it, whether it is a list,
 * and the kinds a reference without a kind is tried as, the first being Backstage's default.
 */
public record RefField(String entityKind, String field, boolean list, List<String> kinds) {

  /** Every reference field the analysis follows, in the order they are checked. */
  public static final List<RefField> ALL = List.of(
      new RefField("component", "owner", false, List.of("group", "user")),
      new RefField("component", "system", false, List.of("system")),
      new RefField("component", "subcomponentOf", false, List.of("component")),
      new RefField("component", "dependsOn", true, List.of("component", "resource")),
      new RefField("component", "consumesApis", true, List.of("api")),
      new RefField("component", "providesApis", true, List.of("api")),
      new RefField("api", "owner", false, List.of("group", "user")),
      new RefField("api", "system", false, List.of("system")),
      new RefField("resource", "owner", false, List.of("group", "user")),
      new RefField("resource", "system", false, List.of("system")),
      new RefField("resource", "dependsOn", true, List.of("component", "resource")),
      new RefField("system", "owner", false, List.of("group", "user")),
      new RefField("system", "domain", false, List.of("domain")),
      new RefField("domain", "owner", false, List.of("group", "user")),
      new RefField("domain", "subdomainOf", false, List.of("domain")),
      new RefField("group", "parent", false, List.of("group")),
      new RefField("group", "children", true, List.of("group")),
      new RefField("user", "memberOf", true, List.of("group")),
      new RefField("decision", "scope", false, List.of("component", "system", "domain", "api", "resource", "group")),
      new RefField("decision", "owner", false, List.of("group", "user")),
      new RefField("decision", "consulted", true, List.of("user", "group")),
      new RefField("decision", "informed", true, List.of("user", "group")),
      new RefField("usecase", "team", false, List.of("group")),
      new RefField("usecase", "businessOwner", false, List.of("user", "group")),
      new RefField("usecase", "staffed", true, List.of("user")),
      new RefField("improvement", "target", false, List.of("component", "api", "resource", "system")));

  public String defaultKind() {
    return kinds.get(0);
  }
}
