package dev.whodecides.rules;

import java.util.List;
import java.util.Optional;

/** Every rule whodecides runs, sorted by id; {@code whodecides rules} and the docs index come from here. */
public final class BuiltInRules {

  private BuiltInRules() {}

  public static final List<Rule> ALL = List.of(
      new BothHats(),
      new ConflictingOwners(),
      new DuplicatedWork(),
      new GenericResource(),
      new GroupOwnsDecision(),
      new GuaranteeBroken(),
      new ImprovementWithoutBusinessImpact(),
      new InvalidEntity(),
      new ManualFixSuffices(),
      new MissingSkill(),
      new ModelBeforeProblem(),
      new NoGuarantees(),
      new NoRoadmapOwner(),
      new NoShipAuthority(),
      new OneTitleOnly(),
      new TitleMismatch(),
      new UnjustifiedInvestment(),
      new UnknownReference());

  public static List<RuleDescriptor> descriptors() {
    return ALL.stream().map(Rule::descriptor).toList();
  }

  public static Optional<Rule> byId(String id) {
    return ALL.stream().filter(r -> r.descriptor().id().equals(id)).findFirst();
  }
}
