package dev.whodecides.catalog;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a live catalog's entity was written, for its findings. Backstage keeps no line numbers, only
 * the location it read the entity from, in annotations: {@code backstage.io/managed-by-location}
 * (the entity's own file, written on every entity), else {@code backstage.io/managed-by-origin-location}
 * (the location registered), else {@code backstage.io/source-location}. When that file was also read
 * locally (a {@code file:} path, or a repository URL whose path inside the repository ends a local
 * path), the entity is placed in the local file; otherwise at the location itself: a path for
 * {@code file:} locations, the URL for the rest. No line is known: a file that still defines the
 * entity wins over Backstage's copy, and then the finding is at the file's own line.
 */
final class LiveSource {

  static final List<String> ANNOTATIONS = List.of("backstage.io/managed-by-location",
      "backstage.io/managed-by-origin-location", "backstage.io/source-location");

  /** A file path inside a repository URL: GitHub's /blob/REF/, GitLab's /-/blob/REF/, Gitea's /src/branch/REF/... */
  private static final Pattern REPO_PATH =
      Pattern.compile("/(?:-/)?(?:blob|tree|raw|src(?:/branch|/commit|/tag)?)/[^/]+/(.+)$");

  record At(String file, int line, int column) {}

  /** The files read locally by file name, for matching a repository URL's path to a checkout. */
  private final Map<String, List<Path>> byName = new HashMap<>();
  private final Map<Path, String> readFiles;

  LiveSource(Map<Path, String> readFiles) {
    this.readFiles = readFiles;
    for (Path p : readFiles.keySet()) {
      if (p.getFileName() != null) {
        byName.computeIfAbsent(p.getFileName().toString(), n -> new ArrayList<>()).add(p);
      }
    }
    byName.values().forEach(l -> l.sort(null));
  }

  /** Where to place {@code entity}, a live catalog's answer from {@code catalogUrl}. */
  At of(Map<String, Object> entity, String catalogUrl) {
    Map<?, ?> metadata = entity.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
    Map<?, ?> annotations = metadata.get("annotations") instanceof Map<?, ?> a ? a : Map.of();
    String location = null;
    for (String key : ANNOTATIONS) {
      if (annotations.get(key) instanceof String s && !s.isBlank()) {
        location = s;
        break;
      }
    }
    if (location == null) {
      return new At(catalogUrl, 0, 0);
    }
    int colon = location.indexOf(':');
    String type = colon < 0 ? "" : location.substring(0, colon);
    String target = colon < 0 ? location : location.substring(colon + 1);
    String local = switch (type) {
      case "file" -> readFiles.get(real(Path.of(target)));
      case "url" -> checkout(target);
      default -> null;
    };
    if (local != null) {
      return new At(local, 0, 0);
    }
    return new At(type.equals("file") ? CatalogLoader.display(Path.of(target)) : target, 0, 0);
  }

  /** The local file a repository URL names, matched by its path inside the repository. */
  private String checkout(String url) {
    String path;
    try {
      path = URI.create(url).getPath();
    } catch (IllegalArgumentException e) {
      return null;
    }
    Matcher m = path == null ? null : REPO_PATH.matcher(path);
    if (m == null || !m.find()) {
      return null;
    }
    String inRepo = m.group(1);
    String name = inRepo.substring(inRepo.lastIndexOf('/') + 1);
    for (Path candidate : byName.getOrDefault(name, List.of())) {
      if (candidate.endsWith(Path.of(inRepo))) {
        return readFiles.get(candidate);
      }
    }
    return null;
  }

  private static Path real(Path p) {
    try {
      return Files.exists(p) ? p.toRealPath() : p;
    } catch (IOException e) {
      return p;
    }
  }
}
