package dev.whodecides.rules;

/** What to do about a finding: the role that would own the decision (or null) and an action. */
public record Recommendation(String role, String action) {}
