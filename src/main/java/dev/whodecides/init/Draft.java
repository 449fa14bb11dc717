package dev.whodecides.init;

import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import java.util.List;

/**
 * One Decision {@code init} writes: its name, type and scope, the products of the team it covers,
 * and the people who could own it: team members whose title names the role, then the team's owner.
 */
public record Draft(String name, DecisionType type, EntityRef scope, List<EntityRef> products,
    List<Candidate> candidates) {

  /** A person who could own a drafted Decision, and why they are named. */
  public record Candidate(EntityRef person, String displayName, String why) {}
}
