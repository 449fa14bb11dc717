package dev.whodecides.web;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.Entity;
import dev.whodecides.knowledge.Citation;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import dev.whodecides.web.view.Model.Evidence;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How the pages name things: entities and people by their titles, times, citations, search text. */
final class Display {

  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private Display() {}

  /** An entity's title, a person's display name, or else its name. */
  static String title(Entity e) {
    return e.displayName();
  }

  /** The title of a referenced entity, or its short reference when the catalog lacks it. */
  static String name(Catalog catalog, EntityRef ref) {
    return catalog.get(ref).map(Display::title).orElse(shortRef(ref));
  }

  /** {@code kind:name} in the default namespace, the canonical reference elsewhere. */
  static String shortRef(EntityRef ref) {
    return ref.namespace().equals(EntityRef.DEFAULT_NAMESPACE) ? ref.kind() + ":" + ref.name() : ref.toString();
  }

  /** An entity named as people type it, of one of {@code kinds}; empty for blank or unknown text. */
  static Optional<Entity> resolve(Catalog catalog, String text, List<Kind> kinds) {
    if (blank(text)) {
      return Optional.empty();
    }
    try {
      return catalog.resolve(text.strip(), kinds).flatMap(catalog::get);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Each citation once, as a label and the link that starts the episode there. */
  static List<Evidence> evidence(List<Citation> cites) {
    List<Evidence> out = new ArrayList<>();
    for (Citation c : new LinkedHashSet<>(cites)) {
      out.add(new Evidence(c.label(), c.url()));
    }
    return out;
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** Search text as the filters compare it: stripped, lower case, empty for none. */
  static String needle(String q) {
    return q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
  }

  /** Whether an entity's name or title holds the search text; empty text matches all. */
  static boolean matches(Entity e, String needle) {
    return needle.isEmpty() || contains(e.ref().name(), needle) || contains(title(e), needle);
  }

  static boolean contains(String haystack, String needle) {
    return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle);
  }

  /** {@code k1=v1&k2=v2&} for the non-blank values, percent-encoded, ready for a page number. */
  static String query(String... kv) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      if (!blank(kv[i + 1])) {
        b.append(kv[i]).append('=').append(Links.enc(kv[i + 1])).append('&');
      }
    }
    return b.toString();
  }
}
