package dev.whodecides.assess;

import dev.whodecides.vocabulary.DecisionType;

/**
 * One question of the assessment: the decision it probes and whether a "yes" means the decision
 * is held ({@code yesMeansOwned}) or that the gap it leaves is showing.
 */
public record Question(String id, String text, DecisionType type, boolean yesMeansOwned, String gap) {

  /** True when this answer leaves the decision without an owner. */
  public boolean isGap(Answer answer) {
    return switch (answer) {
      case YES -> !yesMeansOwned;
      case NO -> yesMeansOwned;
      case UNSURE -> true;
    };
  }
}
