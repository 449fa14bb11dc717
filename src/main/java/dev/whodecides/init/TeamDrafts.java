package dev.whodecides.init;

import dev.whodecides.vocabulary.EntityRef;
import java.util.List;

/** The Decisions {@code init} drafts for one team, written to one file. */
public record TeamDrafts(EntityRef team, String displayName, String fileName, List<Draft> drafts) {}
