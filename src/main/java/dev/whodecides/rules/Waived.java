package dev.whodecides.rules;

/** A finding a waiver of the configuration accepts: reported apart, never failing a run. */
public record Waived(Finding finding, Waiver waiver) {}
