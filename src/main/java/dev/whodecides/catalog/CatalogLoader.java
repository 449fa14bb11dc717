package dev.whodecides.catalog;

import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Reads a catalog from files and directories, and from a running catalog's answer when one is
 * given. Every file is read on its own: a broken file is reported with its position and the rest
 * still load. Location entities pull in their local targets once; URL targets are reported and
 * skipped. Entities from a running catalog join after the files, and a file's entity wins over
 * one with the same reference from there.
 */
public final class CatalogLoader {

  private final Map<EntityRef, Entity> entities = new LinkedHashMap<>();
  private final Set<EntityRef> invalidRefs = new HashSet<>();
  private final List<DataContract> contracts = new ArrayList<>();
  private final List<SchemaProblem> schemaProblems = new ArrayList<>();
  private final List<LoadProblem> loadProblems = new ArrayList<>();
  private final Set<Path> seen = new HashSet<>();
  private final Deque<Queued> queue = new ArrayDeque<>();
  private final Predicate<Path> excluded;
  private final YamlReader.Pool pool = new YamlReader.Pool();
  /** The files read, by real path, as they are printed: a live entity's source may be one of them. */
  private final Map<Path, String> readFiles = new HashMap<>();
  private int files;

  private CatalogLoader(Predicate<Path> excluded) {
    this.excluded = excluded;
  }

  /** The name of whodecides's configuration file, never read as part of a catalog. */
  public static final List<String> CONFIG_NAMES = List.of(".whodecides.yaml", ".whodecides.yml");

  /** Loads every {@code *.yaml} and {@code *.yml} file under the given paths. */
  public static Catalog load(List<Path> roots) {
    return load(roots, p -> false);
  }

  /**
   * Loads every {@code *.yaml} and {@code *.yml} file under the given paths, except the files a
   * directory walk finds that {@code excluded} accepts (paths named on the command line always load).
   */
  public static Catalog load(List<Path> roots, Predicate<Path> excluded) {
    return load(roots, excluded, null);
  }

  /**
   * Loads the files as {@link #load(List, Predicate)} does, then adds the entities of a running
   * catalog ({@code live}, may be null) whose references no file defines. A live catalog that
   * could not be read is one fatal problem; the files still load.
   */
  public static Catalog load(List<Path> roots, Predicate<Path> excluded, LiveCatalog live) {
    CatalogLoader loader = new CatalogLoader(excluded);
    for (Path root : roots) {
      if (!Files.exists(root)) {
        loader.loadProblems.add(new LoadProblem(display(root), 0, 0,
            "path does not exist; pass a catalog file or directory", true));
        continue;
      }
      loader.enqueue(root, true);
    }
    loader.drain();
    if (live != null) {
      loader.addLive(live);
    }
    return new Catalog(loader.entities, loader.invalidRefs, loader.contracts,
        loader.schemaProblems, loader.loadProblems, loader.files);
  }

  public static Catalog load(Path... roots) {
    return load(List.of(roots));
  }

  /** A file to read; {@code named} when a person or a catalog named it rather than a directory walk finding it. */
  private record Queued(Path path, boolean named) {}

  private void enqueue(Path path, boolean explicit) {
    if (Files.isDirectory(path)) {
      for (Path file : walk(path)) {
        enqueueFile(file, false);
      }
    } else if (explicit || isYaml(path)) {
      enqueueFile(path, explicit);
    }
  }

  private void enqueueFile(Path file, boolean named) {
    Path key;
    try {
      key = file.toRealPath();
    } catch (IOException e) {
      loadProblems.add(new LoadProblem(display(file), 0, 0, unreadable(e), true));
      return;
    }
    if (seen.add(key)) {
      readFiles.put(key, display(file));
      queue.add(new Queued(file, named));
    }
  }

  private void drain() {
    while (!queue.isEmpty()) {
      List<Queued> round = new ArrayList<>(queue);
      queue.clear();
      // Parsing and checking each document are the expensive parts and files are independent:
      // do them in parallel, then admit the results in a fixed order so output never depends
      // on thread timing.
      List<FileResult> results = round.parallelStream().map(q -> parse(q.path(), q.named(), pool)).toList();
      for (FileResult r : results) {
        files++;
        for (Prepared p : r.documents()) {
          admit(r.path(), p);
        }
        if (r.error() != null) {
          loadProblems.add(r.error());
        }
      }
    }
  }

  private record FileResult(Path path, String file, List<Prepared> documents, LoadProblem error) {}

  private static FileResult parse(Path path, boolean named, YamlReader.Pool pool) {
    String file = display(path);
    List<Prepared> docs = new ArrayList<>();
    if (!Files.isRegularFile(path)) {
      // A pipe or device (a path given explicitly or as a Location target) would block or never end.
      return new FileResult(path, file, docs, new LoadProblem(file, 0, 0,
          "is not a regular file (a device, pipe or socket?); pass YAML files or directories", true));
    }
    String text;
    try {
      text = YamlReader.text(path);
    } catch (YamlReader.YamlError e) {
      return new FileResult(path, file, docs, new LoadProblem(file, e.line(), e.column(), e.getMessage(), true));
    } catch (IOException e) {
      return new FileResult(path, file, docs, new LoadProblem(file, 0, 0, unreadable(e), true));
    } catch (OutOfMemoryError e) {
      return new FileResult(path, file, docs,
          new LoadProblem(file, 0, 0, "is too large to read in the memory available; split it", true));
    }
    LoadProblem error = null;
    try {
      YamlReader.readTextAsBackstage(text, d -> {
        Prepared p = prepare(file, d, false);
        if (p != null) {
          docs.add(p);
        }
      }, pool);
    } catch (YamlReader.YamlError e) {
      error = new LoadProblem(file, e.line(), e.column(), e.getMessage(), true);
    }
    Templates.Marker marker = Templates.find(text);
    if (marker != null && contributes(docs, error, marker.strong())) {
      // A skeleton of a scaffolder, cookiecutter or Jinja template: a catalog file only once rendered.
      return new FileResult(path, file, List.of(), new LoadProblem(file, marker.line(), marker.column(),
          "skipped a template (" + marker.text() + " at line " + marker.line() + "): not a catalog file until it is"
              + " rendered", false));
    }
    if (error != null && !named && !Templates.namesCatalogVersion(text)) {
      // Some other tool's YAML (or not YAML at all) found by walking a repository: not ours to judge.
      error = new LoadProblem(file, error.line(), error.column(), "skipped a file that is not valid YAML ("
          + error.message().replaceFirst("^YAML syntax error: ", "").replaceFirst("; fix the YAML at this position$", "")
          + ") and names no Backstage or whodecides apiVersion", false);
    }
    return new FileResult(path, file, onceEach(docs), error);
  }

  /** Whether a file would add anything to the catalog: an entity, a contract, a problem or an error. */
  private static boolean contributes(List<Prepared> docs, LoadProblem error, boolean strong) {
    if (error != null) {
      return true;
    }
    for (Prepared p : docs) {
      if (!p.problems().isEmpty() || (strong && (p.entity() != null || p.contract() != null))) {
        return true;
      }
    }
    return false;
  }

  /** One notice per file for documents that are not maps, however many there are. */
  private static List<Prepared> onceEach(List<Prepared> docs) {
    List<Prepared> out = new ArrayList<>(docs.size());
    int notMaps = 0;
    int first = -1;
    for (Prepared p : docs) {
      if (p.notice() != null && p.notice().message().startsWith(NOT_A_MAP)) {
        if (notMaps++ == 0) {
          first = out.size();
          out.add(p);
        }
        continue;
      }
      out.add(p);
    }
    if (notMaps > 1) {
      LoadProblem n = out.get(first).notice();
      out.set(first, new Prepared(null, null, null, List.of(), new LoadProblem(n.file(), n.line(), n.column(),
          n.message() + " (and " + (notMaps - 1) + " more such documents in this file)", false)));
    }
    return out;
  }

  private static final String NOT_A_MAP = "skipped a document that is ";

  /**
   * What one document turned out to be, decided without looking at other documents so that it
   * can run in parallel with parsing: an entity, a contract, problems, or a notice.
   */
  private record Prepared(Entity entity, DataContract contract, EntityRef ref, List<SchemaProblem> problems,
      LoadProblem notice) {

    /** Where the entity, or its first problem, is written. */
    LiveSource.At at() {
      return entity != null ? new LiveSource.At(entity.file(), entity.line(), entity.column())
          : new LiveSource.At(problems.get(0).file(), problems.get(0).line(), problems.get(0).column());
    }
  }

  @SuppressWarnings("unchecked")
  /** {@code served} when a running catalog served the document, which may then carry the fields it adds. */
  private static Prepared prepare(String file, YamlDocument doc, boolean served) {
    if (doc.value() == null) {
      // An empty document, e.g. a trailing or lone "---": Backstage ignores these, and so do we.
      return null;
    }
    if (!(doc.value() instanceof Map<?, ?> raw)) {
      // A list or a bare value (a CI matrix, a translation file...) is not a catalog document.
      return notice(file, doc, NOT_A_MAP + EntitySchema.describe(doc.value())
          + ", not a map: not a catalog entity or ODCS contract");
    }
    Map<String, Object> map = (Map<String, Object>) raw;
    Object apiVersion = map.get("apiVersion");
    Object kind = map.get("kind");
    boolean backstage = apiVersion instanceof String v && EntitySchema.BACKSTAGE_VERSIONS.contains(v);
    boolean known = backstage || EntitySchema.WHODECIDES_VERSION.equals(apiVersion);
    if (kind == null && !known) {
      // Not a catalog document (a CI workflow, a Helm chart, a Data Contract Specification
      // file...): skip it so a whole repository can be pointed at.
      return notice(file, doc, "skipped a document without a kind" + (apiVersion == null ? " or apiVersion" : "")
          + ": not a catalog entity or ODCS contract");
    }
    if (apiVersion instanceof String av && kind instanceof String k && EntitySchema.kindId(k).equals("datacontract")
        && av.startsWith("v3")) {
      return new Prepared(null, DataContract.of(map, file, doc.line()), null, List.of(), null);
    }
    if (apiVersion instanceof String av && !known) {
      return notice(file, doc, "skipped " + (kind instanceof String k ? k : "a document") + " with apiVersion " + av
          + ": whodecides reads " + EntitySchema.BACKSTAGE_VERSIONS.stream().sorted().toList() + ", "
          + EntitySchema.WHODECIDES_VERSION + " and ODCS v3 contracts");
    }
    if (!(apiVersion instanceof String av) || !(kind instanceof String k)) {
      String missing = !(apiVersion instanceof String) ? "apiVersion" : "kind";
      return problem(null, file, doc, new EntitySchema.Issue(map.containsKey(missing) ? "/" + missing : "",
          missing + " is missing or not text; every document needs apiVersion and kind"));
    }
    List<EntitySchema.Issue> problems = new ArrayList<>();
    Optional<Kind> analysed = Kind.byId(k).filter(x -> x.schema() == (backstage ? Kind.Schema.BACKSTAGE
        : Kind.Schema.WHODECIDES));
    String checkedAs = analysed.map(Kind::id).orElse(k);
    if (backstage && analysed.isPresent() && !analysed.get().displayName().equals(k)) {
      // Backstage's kinds are case-sensitive: it has no processor for 'component', so it drops the document.
      problems.add(new EntitySchema.Issue("/kind", "kind '" + EntitySchema.shorten(k)
          + "' is not a Backstage kind: kinds are case-sensitive, write " + analysed.get().displayName()));
    } else if (backstage && analysed.isEmpty() && !(EntitySchema.CHECKED_ONLY_KINDS.contains(k)
        && av.equals("backstage.io/v1alpha1"))) {
      // Not analysed, so never an error; but say so when Backstage would refuse it too.
      List<EntitySchema.Issue> envelope = new ArrayList<>();
      if (!EntitySchema.validKind(k)) {
        envelope.add(new EntitySchema.Issue("/kind", "kind '" + EntitySchema.shorten(k)
            + "' is not a valid kind: letters and digits, starting with a letter"));
      }
      envelope.addAll(EntitySchema.checkRoot(map, served));
      if (map.get("metadata") instanceof Map<?, ?> m) {
        envelope.addAll(EntitySchema.metadataIssues((Map<String, Object>) m));
      } else {
        envelope.add(new EntitySchema.Issue("/metadata", "metadata is missing or not a map"));
      }
      return notice(file, doc, "skipped " + EntitySchema.shorten(k) + " (" + av + "): whodecides does not analyse this"
          + " kind; it reads " + Kind.of(Kind.Schema.BACKSTAGE).stream().map(Kind::displayName).toList()
          + (envelope.isEmpty() ? "" : "; Backstage would refuse it too: " + envelope.get(0).message()));
    } else if (!backstage && analysed.isEmpty()) {
      problems.add(new EntitySchema.Issue("/kind", "kind '" + EntitySchema.shorten(k) + "' is not known under " + av
          + "; use one of " + Kind.of(Kind.Schema.WHODECIDES).stream().map(Kind::displayName).toList()));
    }
    problems.addAll(EntitySchema.checkRoot(map, served));
    Object metadataValue = map.get("metadata");
    Map<String, Object> metadata;
    if (metadataValue instanceof Map<?, ?> m) {
      metadata = (Map<String, Object>) m;
      problems.addAll(EntitySchema.metadataIssues(metadata));
    } else {
      metadata = Map.of();
      problems.add(metadataValue == null
          ? new EntitySchema.Issue("", "metadata is missing; every entity needs metadata.name")
          : new EntitySchema.Issue("/metadata", "metadata must be a map, not " + EntitySchema.describe(metadataValue)));
    }
    for (String dup : doc.duplicateKeys()) {
      problems.add(new EntitySchema.Issue("", "key " + dup + " is written twice; YAML keys must be unique"));
    }
    if (analysed.isPresent() || EntitySchema.CHECKED_ONLY_KINDS.contains(k)) {
      problems.addAll(EntitySchema.specIssues(checkedAs, map.get("spec")));
    }
    EntityRef ref = analysed.isPresent() ? refOf(analysed.get().id(), metadata) : null;
    if (!problems.isEmpty()) {
      List<SchemaProblem> out = new ArrayList<>();
      for (EntitySchema.Issue p : problems) {
        out.add(new SchemaProblem(ref, file, doc.line(), doc.column(), p.message(), p.path(), p.atKey()));
      }
      return new Prepared(null, null, ref, out, null);
    }
    if (analysed.isEmpty()) {
      return notice(file, doc, "checked " + k + " " + metadata.get("name") + ": valid, but whodecides does not"
          + " analyse this kind; skipped");
    }
    Map<String, Object> spec = map.get("spec") instanceof Map<?, ?> sp ? (Map<String, Object>) sp : Map.of();
    return new Prepared(new Entity(av, k, ref, metadata, spec, file, doc.line(), doc.column()), null, ref,
        List.of(), null);
  }

  private static Prepared problem(EntityRef ref, String file, YamlDocument doc, EntitySchema.Issue issue) {
    return new Prepared(null, null, ref, List.of(new SchemaProblem(ref, file, doc.line(), doc.column(),
        issue.message(), issue.path(), issue.atKey())), null);
  }

  private static Prepared notice(String file, YamlDocument doc, String message) {
    return new Prepared(null, null, null, List.of(), new LoadProblem(file, doc.line(), doc.column(), message, false));
  }

  /** Adds a prepared document to the catalog; only here do documents meet each other. */
  private void admit(Path path, Prepared p) {
    if (p.notice() != null) {
      loadProblems.add(p.notice());
      return;
    }
    if (p.contract() != null) {
      contracts.add(p.contract());
      return;
    }
    if (!p.problems().isEmpty()) {
      schemaProblems.addAll(p.problems());
      if (p.ref() != null) {
        invalidRefs.add(p.ref());
      }
      return;
    }
    Entity entity = p.entity();
    Entity first = entities.putIfAbsent(entity.ref(), entity);
    if (first != null) {
      // Backstage keeps one of the two and drops the other with only a log line.
      schemaProblems.add(new SchemaProblem(entity.ref(), entity.file(), entity.line(), entity.column(),
          entity.ref() + " is defined twice: first at " + first.where() + ", again here;"
              + " Backstage keeps only one of them, so rename or remove one", "/metadata/name", false));
      return;
    }
    if (path == null) {
      // From a running catalog: its Location targets and contract paths name that host's files,
      // which are not read here.
      return;
    }
    if (entity.ref().is(Kind.LOCATION)) {
      follow(entity, path);
    }
    String contract = Catalog.contractPath(entity);
    if (contract != null && Files.isRegularFile(Path.of(contract))) {
      enqueue(Path.of(contract), true);
    }
  }

  /**
   * Adds a running catalog's entities after the files. An entity whose reference a file already
   * defines (valid or not) is left out: the files are what is being changed. Each entity is checked
   * as a file's document would be, with the fields the API adds ({@code relations},
   * {@code status}) allowed, and is placed at its source (see {@link LiveSource}). An entity whose
   * file is also read here is that file's to define: when the file defines it, the file's version
   * is the one kept, at its own line.
   */
  private void addLive(LiveCatalog live) {
    if (live.failed()) {
      loadProblems.add(new LoadProblem(live.url(), 0, 0, live.error(), true));
      return;
    }
    LiveSource sources = new LiveSource(readFiles);
    Map<String, Integer> skipped = new TreeMap<>();
    List<Prepared> admitted = new ArrayList<>();
    for (Map<String, Object> value : live.entities()) {
      String kind = String.valueOf(value.get("kind"));
      if (!analysed(value.get("apiVersion"), kind)) {
        // Backstage accepted it, so it is no mistake: a kind whodecides does not analyse (Template, plugins' kinds).
        skipped.merge(kind, 1, Integer::sum);
        continue;
      }
      LiveSource.At at = sources.of(value, live.url());
      Prepared p = prepare(at.file(), new YamlDocument(value, at.line(), at.column(), List.of()), true);
      if (p == null || p.contract() != null || p.notice() != null) {
        continue;
      }
      if (p.ref() != null && (entities.containsKey(p.ref()) || invalidRefs.contains(p.ref()))) {
        continue;
      }
      admitted.add(p);
    }
    // Backstage answers in an order of its own: sorted by source and reference, a run's output does not
    // change with it, and entities of one file stay together as they would when read from files.
    admitted.sort(Comparator.comparing((Prepared p) -> p.at().file())
        .thenComparingInt(p -> p.at().line())
        .thenComparing(p -> p.ref() == null ? "" : p.ref().toString()));
    for (Prepared p : admitted) {
      admit(null, p);
    }
    if (!skipped.isEmpty()) {
      loadProblems.add(new LoadProblem(live.url(), 0, 0, "skipped " + skipped.values().stream().mapToInt(i -> i).sum()
          + " entities of kinds whodecides does not analyse: " + skipped.toString().replaceAll("[{}]", "")
              .replace("=", ": "), false));
    }
  }

  /** True for the kinds whodecides analyses, written as Backstage serves them (kinds are case-sensitive there). */
  private static boolean analysed(Object apiVersion, String kind) {
    Optional<Kind> k = Kind.byId(kind).filter(x -> x.displayName().equals(kind));
    if (EntitySchema.WHODECIDES_VERSION.equals(apiVersion)) {
      return k.filter(x -> x.schema() == Kind.Schema.WHODECIDES).isPresent();
    }
    return apiVersion instanceof String v && EntitySchema.BACKSTAGE_VERSIONS.contains(v)
        && k.filter(x -> x.schema() == Kind.Schema.BACKSTAGE).isPresent();
  }

  private static EntityRef refOf(String kindId, Map<String, Object> metadata) {
    if (!(metadata.get("name") instanceof String name) || name.isBlank()
        || name.indexOf(':') >= 0 || name.indexOf('/') >= 0) {
      return null;
    }
    Object ns = metadata.get("namespace");
    return EntityRef.of(kindId, ns instanceof String s ? s : null, name);
  }

  private void follow(Entity location, Path path) {
    List<String> targets = new ArrayList<>(location.texts("targets"));
    if (location.text("target") != null) {
      targets.add(0, location.text("target"));
    }
    for (String target : targets) {
      if (target.contains("://")) {
        loadProblems.add(new LoadProblem(location.file(), location.line(), location.column(),
            "skipped URL target " + target + ": whodecides reads local files only; clone it and pass the path", false));
        continue;
      }
      Path base = path.toAbsolutePath().getParent();
      if (Glob.is(target)) {
        List<Path> matches;
        try {
          matches = Glob.files(base, target);
        } catch (IOException e) {
          matches = List.of();
        }
        if (matches.isEmpty()) {
          loadProblems.add(new LoadProblem(location.file(), location.line(), location.column(),
              "target " + target + " of " + location.ref() + " matches no file; skipped", false));
        }
        for (Path m : matches) {
          if (!CONFIG_NAMES.contains(m.getFileName().toString())) {
            enqueue(relativize(m), true);
          }
        }
        continue;
      }
      Path resolved = relativize(base.resolve(target).normalize());
      if (!Files.exists(resolved)) {
        loadProblems.add(new LoadProblem(location.file(), location.line(), location.column(),
            "target " + target + " of " + location.ref() + " does not exist; skipped", false));
        continue;
      }
      if (Files.isDirectory(resolved)) {
        // Backstage targets name files; following a directory such as / would walk the whole disk.
        loadProblems.add(new LoadProblem(location.file(), location.line(), location.column(),
            "target " + target + " of " + location.ref() + " is a directory, not a catalog file; skipped"
                + " (pass the directory on the command line to lint it)", false));
        continue;
      }
      enqueue(resolved, true);
    }
  }

  private List<Path> walk(Path dir) {
    List<Path> found = new ArrayList<>();
    GitIgnores ignores = GitIgnores.at(dir);
    try {
      Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
              String name = d.getFileName() == null ? "" : d.getFileName().toString();
              // Hidden directories (.git, .github), installed packages and what git ignores are no catalog.
              boolean skip = !d.equals(dir) && (name.startsWith(".") || name.equals("node_modules")
                  || ignores.ignored(d, true));
              if (skip) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              ignores.enter(d);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) {
              ignores.leave(d);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
              if (CONFIG_NAMES.contains(f.getFileName().toString()) || excluded.test(f) || ignores.ignored(f, false)) {
                return FileVisitResult.CONTINUE;
              }
              if (attrs.isRegularFile() && isYaml(f)) {
                found.add(f);
              } else if (attrs.isSymbolicLink() && isYaml(f)) {
                // Links are followed, so a link seen as a link is one whose target cannot be reached.
                loadProblems.add(new LoadProblem(display(f), 0, 0,
                    "is a broken symbolic link (its target is missing or loops); skipped", false));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
              String why = e instanceof FileSystemLoopException
                  ? "is a symbolic link loop; skipped"
                  : unreadable(e);
              loadProblems.add(new LoadProblem(display(f), 0, 0, why, !(e instanceof FileSystemLoopException)));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      loadProblems.add(new LoadProblem(display(dir), 0, 0, unreadable(e), true));
    }
    found.sort(null);
    return found;
  }

  private static boolean isYaml(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml");
  }

  /** Paths print relative to the working directory when they lie under it, with '/' separators. */
  public static String display(Path p) {
    Path shown = relativize(p.normalize());
    String s = shown.toString().replace('\\', '/');
    return s.isEmpty() ? "." : s;
  }

  private static Path relativize(Path p) {
    if (!p.isAbsolute()) {
      return p;
    }
    Path cwd = Path.of("").toAbsolutePath();
    return p.startsWith(cwd) ? cwd.relativize(p) : p;
  }

  private static String unreadable(IOException e) {
    return "cannot be read (" + reason(e) + "); check that it exists and is readable";
  }

  /** Why a path cannot be read, in words (no exception class names: they read like a crash). */
  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? "input/output error" : m;
  }
}
