package dev.whodecides.rules;

import dev.whodecides.vocabulary.DecisionType;
import java.util.List;
import java.util.Optional;

/** Every rule whodecides runs, sorted by id; {@code whodecides rules} and the docs index come from here. */
public final class BuiltInRules {

  private BuiltInRules() {}

  public static final List<Rule> ALL = List.of(
      new BothHats(),
      new ConflictingOwners(),
      new DuplicatedWork(),
      new ExpiredWaiver(),
      new GenericResource(),
      new GroupOwnsDecision(),
      new GuaranteeBroken(),
      new ImprovementWithoutBusinessImpact(),
      new InvalidEntity(),
      new ManualFixSuffices(),
      new MissingSkill(),
      new ModelBeforeProblem(),
      new NoDecisionRights(),
      new NoGuarantees(),
      new NoRoadmapOwner(),
      new NoShipAuthority(),
      new OneTitleOnly(),
      new StaleDecision(),
      new TitleMismatch(),
      new UnjustifiedInvestment(),
      new UnknownReference(),
      new UnusedWaiver());

  public static List<RuleDescriptor> descriptors() {
    return ALL.stream().map(Rule::descriptor).toList();
  }

  /**
   * The rule that reports a product's missing owner of this decision type, as the gap model
   * ({@code Gaps}) finds it; empty for types the gap model never asks for.
   */
  public static Optional<String> gapRule(DecisionType type) {
    return Optional.ofNullable(switch (type) {
      case RELEASE -> "no-ship-authority";
      case ROADMAP -> "no-roadmap-owner";
      case GUARANTEES -> "no-guarantees";
      default -> null;
    });
  }

  public static Optional<Rule> byId(String id) {
    return ALL.stream().filter(r -> r.descriptor().id().equals(id)).findFirst();
  }
}
