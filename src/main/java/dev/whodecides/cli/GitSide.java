package dev.whodecides.cli;

import dev.whodecides.catalog.CatalogLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;

/**
 * A {@code git:REV} side of {@code diff}: the YAML files under the given paths as they were at a
 * revision, read from the repository's object database (the work tree, the index and HEAD stay as
 * they are) and copied to a temporary directory in the same layout, so the catalog loader reads
 * them like any other files. {@link #shown} turns a copied file's name back into the name it has
 * in the work tree.
 */
final class GitSide implements AutoCloseable {

  private final Path root;
  private final Path workTree;

  private GitSide(Path root, Path workTree) {
    this.root = root;
    this.workTree = workTree;
  }

  /** Copies the YAML files of {@code paths} at {@code rev}, leaving out what {@code excluded} accepts. */
  static GitSide read(String rev, List<Path> paths, Predicate<Path> excluded) {
    Path first = paths.get(0).toAbsolutePath().normalize();
    FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment()
        .findGitDir(Files.isDirectory(first) ? first.toFile() : first.getParent().toFile());
    if (builder.getGitDir() == null) {
      throw new UserError("git:" + rev + " needs a git repository, but " + paths.get(0)
          + " is not inside one; compare two directories instead, or run diff inside the repository");
    }
    Path tmp = null;
    try (Repository repo = builder.setMustExist(true).build()) {
      if (repo.isBare() || repo.getWorkTree() == null) {
        throw new UserError("git:" + rev + ": " + builder.getGitDir() + " is a bare repository; run diff in a clone");
      }
      Path workTree = repo.getWorkTree().toPath().toRealPath();
      ObjectId id;
      try {
        id = repo.resolve(rev + "^{commit}");
      } catch (RevisionSyntaxException | AmbiguousObjectException | IncorrectObjectTypeException e) {
        id = null;
      }
      if (id == null) {
        throw new UserError("git:" + rev + " names no commit of " + workTree
            + "; give a branch, tag or commit (fetch it first in CI, e.g. git fetch origin main)");
      }
      List<String> prefixes = new ArrayList<>();
      for (Path p : paths) {
        Path real = real(p);
        if (!real.startsWith(workTree)) {
          throw new UserError(p + " lies outside the git repository " + workTree + "; give paths inside it");
        }
        prefixes.add(workTree.relativize(real).toString().replace('\\', '/'));
      }
      tmp = Files.createTempDirectory("whodecides-git-");
      int copied = 0;
      try (RevWalk walk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo); ObjectReader reader = repo.newObjectReader()) {
        RevCommit commit = walk.parseCommit(id);
        tree.addTree(commit.getTree());
        tree.setRecursive(true);
        if (prefixes.stream().noneMatch(String::isEmpty)) {
          tree.setFilter(PathFilterGroup.createFromStrings(prefixes));
        }
        while (tree.next()) {
          String path = tree.getPathString();
          String lower = path.toLowerCase(Locale.ROOT);
          if (!(lower.endsWith(".yaml") || lower.endsWith(".yml")) || tree.getFileMode(0) != FileMode.REGULAR_FILE
              && tree.getFileMode(0) != FileMode.EXECUTABLE_FILE) {
            continue;
          }
          if (excluded.test(workTree.resolve(path))) {
            continue;
          }
          Path target = tmp.resolve(path);
          Files.createDirectories(target.getParent());
          try (InputStream in = reader.open(tree.getObjectId(0), Constants.OBJ_BLOB).openStream();
              OutputStream out = Files.newOutputStream(target)) {
            in.transferTo(out);
          }
          copied++;
        }
      }
      if (copied == 0) {
        throw new UserError("git:" + rev + " has no YAML files under " + String.join(", ", prefixes.stream()
            .map(s -> s.isEmpty() ? "." : s).toList()) + "; check the revision and the path");
      }
      GitSide side = new GitSide(tmp, workTree);
      tmp = null;
      return side;
    } catch (MissingObjectException e) {
      throw new UserError("git:" + rev + ": the repository lacks an object (" + e.getMessage()
          + "); fetch the full history, e.g. actions/checkout with fetch-depth: 0");
    } catch (IOException e) {
      throw new UserError("git:" + rev + ": cannot read the repository (" + e.getMessage() + ")");
    } finally {
      if (tmp != null) {
        delete(tmp);
      }
    }
  }

  /** The paths to load: each given path, inside the copy. */
  List<Path> roots(List<Path> paths) {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      out.add(root.resolve(workTree.relativize(real(p)).toString()));
    }
    return out;
  }

  /** A copied file's name as its work-tree file is shown (relative to the working directory when under it). */
  String shown(String file) {
    String prefix = root.toString().replace('\\', '/') + "/";
    return file.startsWith(prefix) ? CatalogLoader.display(real(workTree.resolve(file.substring(prefix.length())))) : file;
  }

  /** The path with symbolic links resolved as far as it exists, so it compares with the work tree's real path. */
  private static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path existing = abs;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(abs).toString());
    } catch (IOException e) {
      return abs;
    }
  }

  @Override
  public void close() {
    delete(root);
  }

  private static void delete(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary copy left behind is the system's to clean; the diff itself is done
    }
  }
}
