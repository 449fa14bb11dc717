package dev.whodecides.vocabulary;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The decisions whodecides tracks, each with the role that normally owns it; ids are a contract. */
public enum DecisionType {
  RELEASE("release", Role.PRODUCT_OWNER),
  ROADMAP("roadmap", Role.PRODUCT_MANAGER),
  PRIORITIZATION("prioritization", Role.PRODUCT_MANAGER),
  DISCOVERY("discovery", Role.PRODUCT_MANAGER),
  LAUNCH("launch", Role.PRODUCT_MANAGER),
  STAFFING("staffing", Role.PRODUCT_OWNER),
  PORTFOLIO("portfolio", Role.DOMAIN_OWNER),
  GUARANTEES("guarantees", Role.DATA_PRODUCT_OWNER),
  ACCESS_PATH("access-path", Role.DATA_PRODUCT_OWNER),
  COMPLIANCE("compliance", Role.PRODUCT_MANAGER);

  private final String id;
  private final Role role;

  DecisionType(String id, Role role) {
    this.id = id;
    this.role = role;
  }

  public String id() {
    return id;
  }

  public Role role() {
    return role;
  }

  public static Optional<DecisionType> byId(String id) {
    return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
  }

  /** The decision types a role normally owns. */
  public static List<DecisionType> of(Role role) {
    return Arrays.stream(values()).filter(t -> t.role == role).toList();
  }

  @Override
  public String toString() {
    return id;
  }
}
