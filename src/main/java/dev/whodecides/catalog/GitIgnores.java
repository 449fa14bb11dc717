package dev.whodecides.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * The {@code .gitignore} rules that apply during one directory walk, read as git reads them (by
 * JGit): the files of the directories from the repository's top (the nearest ancestor holding
 * {@code .git}) down to the walk's root, then each directory's own as the walk enters it. The
 * deepest rule that matches decides, so a sub-directory can re-include what a parent ignores.
 * Outside a git work tree the {@code .gitignore} files below the walk's root still count: an
 * exported copy of a repository keeps them.
 */
final class GitIgnores {

  private record Level(Path dir, IgnoreNode rules) {}

  private final Deque<Level> levels = new ArrayDeque<>();

  /** The rules in force at {@code root} (a directory), from the repository's top down. */
  static GitIgnores at(Path root) {
    GitIgnores g = new GitIgnores();
    Path dir = root.toAbsolutePath().normalize();
    List<Path> above = new ArrayList<>();
    for (Path p = dir.getParent(); p != null; p = p.getParent()) {
      above.add(0, p);
      if (Files.exists(p.resolve(".git"))) {
        break;
      }
      if (p.getParent() == null) {
        above.clear(); // no repository above: only the walk's own .gitignore files count
      }
    }
    if (Files.isDirectory(dir.resolve(".git")) || !above.isEmpty()) {
      Path top = above.isEmpty() ? dir : above.get(0);
      g.push(top, top.resolve(".git/info/exclude"));
    }
    for (Path p : above) {
      g.enter(p);
    }
    return g;
  }

  /** Reads the {@code .gitignore} of a directory the walk enters. */
  void enter(Path dir) {
    push(dir.toAbsolutePath().normalize(), dir.resolve(".gitignore"));
  }

  /** Forgets the rules of the directory the walk leaves. */
  void leave(Path dir) {
    Path d = dir.toAbsolutePath().normalize();
    while (!levels.isEmpty() && levels.peek().dir().equals(d)) {
      levels.pop();
    }
  }

  private void push(Path dir, Path file) {
    if (!Files.isRegularFile(file)) {
      return;
    }
    IgnoreNode node = new IgnoreNode();
    try (InputStream in = Files.newInputStream(file)) {
      node.parse(file.toString(), in);
    } catch (IOException e) {
      return; // an unreadable .gitignore ignores nothing, as in git
    }
    levels.push(new Level(dir, node));
  }

  /** Whether git would ignore {@code path}, a file or directory inside the walk. */
  boolean ignored(Path path, boolean directory) {
    Path p = path.toAbsolutePath().normalize();
    for (Level level : levels) {
      if (!p.startsWith(level.dir()) || p.equals(level.dir())) {
        continue;
      }
      String relative = level.dir().relativize(p).toString().replace('\\', '/');
      Boolean verdict = level.rules().checkIgnored(relative, directory);
      if (verdict != null) {
        return verdict;
      }
    }
    return false;
  }
}
