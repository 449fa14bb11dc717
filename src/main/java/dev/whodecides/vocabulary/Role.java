package dev.whodecides.vocabulary;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The four product roles whodecides recommends; ids are a contract. */
public enum Role {
  PRODUCT_OWNER("product-owner"),
  PRODUCT_MANAGER("product-manager"),
  DOMAIN_OWNER("domain-owner"),
  DATA_PRODUCT_OWNER("data-product-owner");

  private final String id;

  Role(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<Role> byId(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equalsIgnoreCase(id)).findFirst();
  }

  /**
   * The role a job title names, if it names one. Checked from the most specific phrase down, so
   * "Data Product Owner" is a data-product owner and not a product owner.
   */
  public static Optional<Role> ofTitle(String title) {
    if (title == null) {
      return Optional.empty();
    }
    String t = title.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ");
    if (t.contains("data product owner") || t.contains("data product manager")) {
      return Optional.of(DATA_PRODUCT_OWNER);
    }
    if (t.contains("domain owner")) {
      return Optional.of(DOMAIN_OWNER);
    }
    if (t.contains("product owner")) {
      return Optional.of(PRODUCT_OWNER);
    }
    if (t.contains("product manager")) {
      return Optional.of(PRODUCT_MANAGER);
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return id;
  }
}
