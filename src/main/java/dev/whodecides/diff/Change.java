package dev.whodecides.diff;

import dev.whodecides.knowledge.Citation;

/**
 * One difference between two versions of a catalog. The first nine fields are the JSON contract
 * ({@code change} is one of {@link #GAP_OPENED}, {@link #GAP_CLOSED}, {@link #OWNER_CHANGED},
 * {@link #FINDING_NEW}, {@link #FINDING_FIXED}); the rest is what a reader of the pull request
 * needs to see the change at a glance: the product's name, who held the decision before and where
 * that was written, the role that usually holds it, and one piece of evidence.
 */
public record Change(
    String change,
    String entity,
    String decision,
    String before,
    String after,
    String rule,
    String file,
    int line,
    String message,
    String entityName,
    String beforeName,
    String beforeFile,
    String role,
    Citation evidence) {

  public static final String GAP_OPENED = "gap-opened";
  public static final String GAP_CLOSED = "gap-closed";
  public static final String OWNER_CHANGED = "owner-changed";
  public static final String FINDING_NEW = "finding-new";
  public static final String FINDING_FIXED = "finding-fixed";

  /** Every change kind, in the order reports list them. */
  public static final java.util.List<String> KINDS = java.util.List.of(GAP_OPENED, FINDING_NEW, OWNER_CHANGED,
      GAP_CLOSED, FINDING_FIXED);
}
