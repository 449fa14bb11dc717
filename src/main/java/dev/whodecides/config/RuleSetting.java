package dev.whodecides.config;

import dev.whodecides.rules.Severity;

/**
 * How the configuration sets one rule: its severity ({@code null} keeps the rule's own), whether it
 * is switched off, and the rule's threshold where it has one ({@code null} when not set).
 */
public record RuleSetting(Severity severity, boolean off, Double threshold, Long volume, Integer useCases) {}
