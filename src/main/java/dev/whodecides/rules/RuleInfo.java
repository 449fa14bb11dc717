package dev.whodecides.rules;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's metadata, declared once on its class: id (a contract), severity, a one-line summary,
 * and the role it recommends ({@code ""} when no single role fits). The rationale and evidence
 * live in the knowledge file under the same id.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
  String id();

  Severity severity();

  String summary();

  String role() default "";
}
