package dev.whodecides.vocabulary;

import java.util.List;

/** The annotation keys whodecides reads from {@code metadata.annotations}; each is documented in docs/format.md. */
public final class Annotations {

  private Annotations() {}

  /** On a User: the job title as the organization writes it. */
  public static final String TITLE = "whodecides.dev/title";
  /** On a User: the skills the person brings, comma-separated skill ids. */
  public static final String SKILLS = "whodecides.dev/skills";
  /** On a UseCase: the earlier use case (usually an {@code mvp}) this one builds on. */
  public static final String FOLLOWS = "whodecides.dev/follows";
  /** On a job: how often it runs ({@code hourly}, ..., or a cron expression). */
  public static final String SCHEDULE = "whodecides.dev/schedule";
  /** On a job: how long a run may take. */
  public static final String DEADLINE = "whodecides.dev/deadline";
  /** On an entity: its ODCS contract file, relative to the entity's file. */
  public static final String CONTRACT = "whodecides.dev/contract";

  /** Every annotation whodecides reads. */
  public static final List<String> ALL = List.of(TITLE, SKILLS, FOLLOWS, SCHEDULE, DEADLINE, CONTRACT);
}
