package dev.whodecides.diff;

import java.util.List;

/**
 * A person who left the catalog, changed title or moved teams, with the decisions they hold
 * ({@code held}, each {@code type of scope}); people who hold none are not listed, since such a
 * change moves no decision right.
 */
public record PersonChange(String person, String name, String what, List<String> held) {}
