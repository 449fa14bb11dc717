package dev.whodecides.catalog;

import dev.whodecides.vocabulary.Annotations;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A loaded organization: its valid entities by reference, its data contracts, and what could not
 * be read. Immutable once built by {@link CatalogLoader}.
 */
public final class Catalog {

  private final Map<EntityRef, Entity> byRef;
  private final Map<String, List<Entity>> byKind = new HashMap<>();
  private final Set<EntityRef> invalidRefs;
  private final List<DataContract> contracts;
  private final Map<String, List<DataContract>> contractsByFile = new HashMap<>();
  private final Map<String, List<DataContract>> contractsByName = new HashMap<>();
  private final List<SchemaProblem> schemaProblems;
  private final List<LoadProblem> loadProblems;
  private final int files;

  Catalog(
      Map<EntityRef, Entity> byRef,
      Set<EntityRef> invalidRefs,
      List<DataContract> contracts,
      List<SchemaProblem> schemaProblems,
      List<LoadProblem> loadProblems,
      int files) {
    this.byRef = Collections.unmodifiableMap(new LinkedHashMap<>(byRef));
    this.invalidRefs = Set.copyOf(invalidRefs);
    this.contracts = List.copyOf(contracts);
    this.schemaProblems = List.copyOf(schemaProblems);
    this.loadProblems = List.copyOf(loadProblems);
    this.files = files;
    for (Entity e : this.byRef.values()) {
      byKind.computeIfAbsent(e.ref().kind(), k -> new ArrayList<>()).add(e);
    }
    this.resolved = resolveAll();
    for (DataContract c : this.contracts) {
      contractsByFile.computeIfAbsent(c.file(), f -> new ArrayList<>()).add(c);
      if (c.matchName() != null) {
        contractsByName.computeIfAbsent(c.matchName(), n -> new ArrayList<>()).add(c);
      }
    }
  }

  public Collection<Entity> entities() {
    return byRef.values();
  }

  /** Valid entities of one kind id ({@code component}, {@code usecase}, ...), in load order. */
  public List<Entity> ofKind(String kindId) {
    return byKind.getOrDefault(kindId.toLowerCase(Locale.ROOT), List.of());
  }

  /** Valid entities of one kind, in load order. */
  public List<Entity> ofKind(Kind kind) {
    return byKind.getOrDefault(kind.id(), List.of());
  }

  public Optional<Entity> get(EntityRef ref) {
    return Optional.ofNullable(byRef.get(ref));
  }

  /** True when a document with this reference exists, valid or not. */
  public boolean exists(EntityRef ref) {
    return byRef.containsKey(ref) || invalidRefs.contains(ref);
  }

  /**
   * Resolves reference text written in a field. A reference without a kind is tried as each of
   * {@code kinds} in turn; when none exists, the first kind's reading is returned (unresolved).
   * Returns empty when the text is not a reference at all. A reference to a catalog entity is that
   * entity's own {@link EntityRef}, so the hundreds of thousands of references of a large catalog
   * share the objects of the entities they name.
   */
  public Optional<EntityRef> resolve(String text, List<String> kinds, String namespace) {
    return resolveAs(text, kinds, namespace);
  }

  /** {@link #resolve(String, List, String)} with the kinds from the vocabulary, in the default namespace. */
  public Optional<EntityRef> resolve(String text, List<Kind> kinds) {
    return resolveAs(text, Kind.ids(kinds), EntityRef.DEFAULT_NAMESPACE);
  }

  private Optional<EntityRef> resolveAs(String text, List<String> kinds, String namespace) {
    try {
      if (EntityRef.hasKind(text)) {
        return Optional.of(shared(EntityRef.parse(text, null, namespace)));
      }
      EntityRef first = null;
      for (String kind : kinds) {
        EntityRef ref = EntityRef.parse(text, kind, namespace);
        if (first == null) {
          first = ref;
        }
        Entity known = byRef.get(ref);
        if (known != null) {
          return Optional.of(known.ref());
        }
        if (invalidRefs.contains(ref)) {
          return Optional.of(ref);
        }
      }
      return Optional.ofNullable(first);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private EntityRef shared(EntityRef ref) {
    Entity known = byRef.get(ref);
    return known == null ? ref : known.ref();
  }

  /** Resolves a single-reference field of an entity, or empty when it is not set. */
  public Optional<EntityRef> ref(Entity e, String field) {
    int i = fieldIndex(e, field);
    List<EntityRef> refs = resolvedFields(e)[i];
    return refs == null || refs.isEmpty() || FIELDS.get(e.ref().kind()).get(i).list()
        ? Optional.empty() : Optional.of(refs.get(0));
  }

  /** Resolves a list-of-references field of an entity. */
  public List<EntityRef> refs(Entity e, String field) {
    int i = fieldIndex(e, field);
    List<EntityRef> refs = resolvedFields(e)[i];
    return refs != null && FIELDS.get(e.ref().kind()).get(i).list() ? refs : List.of();
  }

  // Every rule asks for owners, systems and the like many times over; resolve each entity's
  // reference fields once, in parallel, when the catalog is built. Per entity: one slot per
  // reference field of its kind (in FIELDS order), null where the field is not written.
  private final Map<EntityRef, List<EntityRef>[]> resolved;

  private Map<EntityRef, List<EntityRef>[]> resolveAll() {
    List<Entity> all = List.copyOf(byRef.values());
    List<List<EntityRef>[]> fields = all.parallelStream().map(this::resolveFields).toList();
    Map<EntityRef, List<EntityRef>[]> out = new HashMap<>(all.size() * 4 / 3 + 1);
    for (int i = 0; i < all.size(); i++) {
      out.put(all.get(i).ref(), fields.get(i));
    }
    return out;
  }

  // The very entity this catalog indexed, not an equal one from elsewhere: only its resolution is cached.
  @SuppressWarnings("ReferenceEquality")
  private boolean isIndexed(Entity e) {
    return byRef.get(e.ref()) == e;
  }

  private List<EntityRef>[] resolvedFields(Entity e) {
    List<EntityRef>[] m = resolved == null ? null : resolved.get(e.ref());
    return m != null && isIndexed(e) ? m : resolveFields(e);
  }

  @SuppressWarnings("unchecked")
  private List<EntityRef>[] resolveFields(Entity e) {
    List<RefField> fields = FIELDS.getOrDefault(e.ref().kind(), List.of());
    List<EntityRef>[] out = new List[fields.size()];
    for (int i = 0; i < out.length; i++) {
      RefField f = fields.get(i);
      if (!e.spec().containsKey(f.field())) {
        continue;
      }
      List<String> texts = f.list() ? e.texts(f.field()) : e.text(f.field()) == null ? List.of() : List.of(e.text(f.field()));
      List<EntityRef> refs = new ArrayList<>(texts.size());
      for (String t : texts) {
        resolve(t, f.kinds(), e.ref().namespace()).ifPresent(refs::add);
      }
      out[i] = List.copyOf(refs);
    }
    return out;
  }

  private static final Map<String, List<RefField>> FIELDS = new HashMap<>();

  static {
    for (RefField f : RefField.ALL) {
      FIELDS.computeIfAbsent(f.entityKind().id(), k -> new ArrayList<>()).add(f);
    }
  }

  private static int fieldIndex(Entity e, String field) {
    List<RefField> fields = FIELDS.getOrDefault(e.ref().kind(), List.of());
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).field().equals(field)) {
        return i;
      }
    }
    throw new IllegalArgumentException(e.ref().kind() + " has no reference field " + field);
  }

  public List<DataContract> contracts() {
    return contracts;
  }

  /** The contracts read from this file path (as the loader prints paths); empty when none. */
  public List<DataContract> contractsAt(String file) {
    return contractsByFile.getOrDefault(file, List.of());
  }

  /** Where an entity's contract annotation points, as the loader prints paths; null without one. */
  public static String contractPath(Entity e) {
    String rel = e.annotation(Annotations.CONTRACT);
    if (rel == null || rel.isBlank()) {
      return null;
    }
    Path base = Path.of(e.file()).getParent();
    Path p = base == null ? Path.of(rel) : base.resolve(rel);
    return p.normalize().toString().replace('\\', '/');
  }

  /**
   * The contracts that cover an entity: the one its annotation points at, or else those whose
   * {@code dataProduct} (failing that, {@code name}) equals the entity's name.
   */
  public List<DataContract> contractsFor(Entity e) {
    String path = contractPath(e);
    if (path != null) {
      return contractsAt(path);
    }
    // By name through an index: a scan of every contract per entity grows with the square of the catalog.
    return contractsByName.getOrDefault(e.ref().name(), List.of());
  }

  public List<SchemaProblem> schemaProblems() {
    return schemaProblems;
  }

  public List<LoadProblem> loadProblems() {
    return loadProblems;
  }

  /** True when some input could not be read at all; the run then exits with status 2. */
  public boolean hasFatalProblems() {
    return loadProblems.stream().anyMatch(LoadProblem::fatal);
  }

  /** Number of YAML files read. */
  public int files() {
    return files;
  }

  public int size() {
    return byRef.size();
  }

  /** Names of every kind in the catalog with a count, for summaries. */
  public Map<String, Integer> kindCounts() {
    Map<String, Integer> m = new LinkedHashMap<>();
    byKind.forEach((k, v) -> m.put(k, v.size()));
    return m;
  }
}
