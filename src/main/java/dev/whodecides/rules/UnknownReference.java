package dev.whodecides.rules;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.Entity;
import dev.whodecides.catalog.RefField;
import dev.whodecides.vocabulary.Annotations;
import dev.whodecides.vocabulary.EntityNames;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A reference that names nothing in the catalog, so the ownership it states cannot be traced. A
 * missing entity is one finding however many references name it, listing them all, with what the
 * references were probably meant to name.
 */
@RuleInfo(
    id = "unknown-reference",
    severity = Severity.ERROR,
    summary = "A reference names no entity in the catalog, so the ownership it states cannot be traced.")
public final class UnknownReference implements Rule {

  /** A person's name as people write it: two to four capitalised words. */
  private static final Pattern PERSON = Pattern.compile("^\\p{Lu}[\\p{L}'’-]*(\\s+\\p{Lu}[\\p{L}'’.-]*){1,3}$");

  /** One reference to a missing entity: who holds it, in which field, as written. */
  private record Naming(Entity holder, RefField field, String text) {
    Place place() {
      return new Place(holder.ref().toString(), "spec." + field.field(), holder.file(), holder.line(), holder.column());
    }
  }

  @Override
  public void check(AnalysedCatalog a, Reporter reporter) {
    Catalog catalog = a.catalog();
    Map<EntityRef, List<Naming>> missing = new LinkedHashMap<>();
    for (Entity e : catalog.entities()) {
      for (RefField f : RefField.ALL) {
        if (!f.on(e.ref())) {
          continue;
        }
        List<String> texts = f.list() ? e.texts(f.field()) : e.text(f.field()) == null ? List.of() : List.of(e.text(f.field()));
        for (String text : texts) {
          Reporter out = reporter.about("spec." + f.field(), text);
          Optional<EntityRef> ref = catalog.resolve(text, f.kinds(), e.ref().namespace());
          if (ref.isEmpty()) {
            out.report(e, "spec." + f.field() + " of " + e.ref() + " is '" + text
                    + "', which is not a reference of the form [kind:][namespace/]name.",
                "Write the reference as kind:name, e.g. " + f.defaultKind() + ":some-name.");
          } else if (!f.kinds().contains(ref.get().kind())) {
            String kinds = f.targets().stream().map(Kind::displayName).collect(Collectors.joining(" or "));
            String article = "AEIOU".indexOf(kinds.charAt(0)) >= 0 ? "an " : "a ";
            out.report(e, "spec." + f.field() + " of " + e.ref() + " names " + ref.get() + ", but it must name "
                    + article + kinds + ".",
                "Point spec." + f.field() + " at " + article + kinds + ", e.g. " + f.defaultKind().id() + ":some-name.");
          } else if (!catalog.exists(ref.get()) && !a.options().policy().isExternal(ref.get().toString())) {
            missing.computeIfAbsent(ref.get(), r -> new ArrayList<>()).add(new Naming(e, f, text));
          }
        }
      }
      String contract = Catalog.contractPath(e);
      if (contract != null && catalog.contractsAt(contract).isEmpty()) {
        reporter.about(Annotations.CONTRACT, contract).report(e, "Annotation " + Annotations.CONTRACT + " of " + e.ref() + " points at " + contract
                + ", which is not an ODCS v3 data contract that could be read.",
            "Fix the path (it is relative to " + e.file() + ") or add the contract file.");
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    NameHints hints = new NameHints(catalog);
    Comparator<Naming> order = Comparator.comparing((Naming n) -> n.holder().file())
        .thenComparingInt(n -> n.holder().line())
        .thenComparingInt(n -> n.holder().column())
        .thenComparing(n -> n.holder().ref())
        .thenComparing(n -> n.field().field());
    // The entities most references name get their hints first (hints past a budget are cheaper);
    // the report's order is set later, by place.
    missing.entrySet().stream()
        .sorted(Comparator.comparingInt((Map.Entry<EntityRef, List<Naming>> m) -> -m.getValue().size())
            .thenComparing(Map.Entry::getKey))
        .forEach(m -> {
          m.getValue().sort(order);
          report(m.getKey(), m.getValue(), hints, reporter);
        });
  }

  /**
   * One finding for one missing entity, at the first reference that names it. Its identity is the
   * missing entity alone, so it keeps its fingerprint as references to it come and go.
   */
  private static void report(EntityRef target, List<Naming> namings, NameHints hints, Reporter out) {
    Naming first = namings.get(0);
    Set<String> kinds = new LinkedHashSet<>();
    namings.forEach(n -> kinds.addAll(n.field().kinds()));
    int others = namings.size() - 1;
    String who = "spec." + first.field().field() + " of " + first.holder().ref()
        + (others == 0 ? "" : " and " + others + (others == 1 ? " other reference" : " other references"));
    List<Place> places = namings.stream().map(Naming::place).toList();
    boolean many = others > 0;
    String everywhere = !many ? "" : others == 1 ? " in both places" : " in all " + namings.size() + " places";
    if (!EntityNames.isName(target.name()) || !EntityNames.isNamespace(target.namespace())) {
      String text = first.text().trim();
      String what = EntityNames.isEmail(text) ? "an e-mail address, which" : "which";
      String message = who + (many ? " are '" : " is '") + text + "', " + what + " cannot name an entity: Backstage names"
          + " are letters and digits separated by single -, _ or . (at most " + EntityNames.MAX_LENGTH
          + " characters), so Backstage would not resolve it either.";
      Optional<NameHints.Profile> profile = hints.byProfile(text, kinds);
      if (profile.isPresent()) {
        String ref = NameHints.typed(profile.get().ref());
        out.report(target, places, message + " Did you mean " + ref + " (" + profile.get().matched() + ")?", null,
            "Write " + ref + " instead" + everywhere + ".");
        return;
      }
      Spelling spelled = spellings(text, target, kinds, hints);
      if (spelled.refs().isEmpty()) {
        out.report(target, places, message, null, "Write the reference as kind:name with a name Backstage accepts"
            + everywhere + ", e.g. " + target.kind() + ":some-name, and make sure that entity is in the catalog.");
      } else if (spelled.exists()) {
        out.report(target, places, message + " Did you mean " + spelled.refs().get(0) + "?", null,
            "Write " + spelled.refs().get(0) + " instead" + everywhere + ".");
      } else {
        out.report(target, places, message + " Backstage would need a reference like "
                + String.join(" or ", spelled.refs()) + ".", null,
            "Write the reference as Backstage spells it" + everywhere + ", e.g. " + spelled.refs().get(0)
                + ", and make sure that entity is in the catalog (a document of its own, or your identity"
                + " provider's ingestion).");
      }
      return;
    }
    String message = who + (many ? " name " : " names ") + target + ", which is not in the catalog.";
    List<EntityRef> near = hints.near(target, kinds);
    String elsewhere = target.is(Kind.GROUP) || target.is(Kind.USER)
        ? " If it comes from your identity provider rather than these files, list it under external in .whodecides.yaml."
        : "";
    if (!near.isEmpty()) {
      List<String> typed = near.stream().map(NameHints::typed).toList();
      out.report(target, places, message + " Did you mean " + String.join(" or ", typed) + "?", null,
          "Change the reference to " + typed.get(0) + everywhere + " if that is what is meant, or add " + target
              + " to the catalog (and pass its file to whodecides)." + elsewhere);
    } else {
      out.report(target, places, message, null, many
          ? "Add " + target + " to the catalog (and pass its file to whodecides), or fix the spelling or kind of '"
              + first.text() + "'" + everywhere + "." + elsewhere
          : "Fix the spelling or kind of '" + first.text() + "', or add " + target
              + " to the catalog (and pass its file to whodecides)." + elsewhere);
    }
  }

  /**
   * References Backstage could hold for a text that is not a name, the likeliest kind first: a
   * person for an e-mail address or a person's name, else the field's default kind. Existing
   * entities win: when the spelled name exists as one of the kinds, that alone is proposed.
   */
  private static Spelling spellings(String text, EntityRef target, Set<String> kinds, NameHints hints) {
    Optional<String> name = EntityNames.spell(text);
    if (name.isEmpty()) {
      return new Spelling(List.of(), false);
    }
    String ns = EntityNames.isNamespace(target.namespace()) ? target.namespace() : EntityRef.DEFAULT_NAMESPACE;
    List<String> order = new ArrayList<>();
    boolean person = EntityNames.isEmail(text) || PERSON.matcher(text).matches();
    if (person && kinds.contains(Kind.USER.id())) {
      order.add(Kind.USER.id());
    }
    if (!EntityNames.isEmail(text) || !kinds.contains(Kind.USER.id())) {
      order.add(target.kind());
      order.addAll(kinds);
    }
    List<String> out = new ArrayList<>();
    for (String kind : new LinkedHashSet<>(order)) {
      EntityRef r = EntityRef.of(kind, ns, name.get());
      if (hints.exists(r)) {
        return new Spelling(List.of(NameHints.typed(r)), true);
      }
      out.add(NameHints.typed(r));
    }
    return new Spelling(out, false);
  }

  /** References proposed for a text that is not a name; {@code exists} when the one proposed is in the catalog. */
  private record Spelling(List<String> refs, boolean exists) {}
}
