package dev.whodecides.rules;

import dev.whodecides.vocabulary.DecisionType;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's metadata, declared once on its class: id (a contract), severity, a one-line summary,
 * and the role it recommends ({@code ""} when no single role fits). The rationale and evidence
 * live in the knowledge file under the same id. {@code decisions} names the decision types its
 * findings are about.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
  String id();

  Severity severity();

  String summary();

  String role() default "";

  /** The decision types the rule reports on (none for rules about the catalog's form). */
  DecisionType[] decisions() default {};

  /** True for a rule about any decision whatever its type (conflicting or group owners). */
  boolean everyDecision() default false;
}
