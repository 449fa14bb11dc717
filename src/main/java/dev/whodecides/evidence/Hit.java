package dev.whodecides.evidence;

/** A passage found by a search, with its BM25 score. */
public record Hit(Passage passage, float score) {}
