package dev.whodecides.catalog;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Location target with wildcards ({@code ./apis/*.yaml}, {@code ./**}{@code /catalog-info.yaml}),
 * matched as Backstage's file reader matches it: {@code *} and {@code ?} stay within one directory,
 * {@code **} spans any number of directories (none included), {@code {a,b}} and {@code [ab]}
 * choose; names starting with a dot and {@code node_modules} are not entered.
 */
final class Glob {

  private Glob() {}

  /** Whether a target has wildcards, so it names files by pattern rather than one file. */
  static boolean is(String target) {
    for (char c : target.toCharArray()) {
      if (c == '*' || c == '?' || c == '[' || c == '{') {
        return true;
      }
    }
    return false;
  }

  /** The regular files under {@code base} that {@code pattern} (relative to base, or absolute) names, sorted. */
  static List<Path> files(Path base, String pattern) throws IOException {
    String p = pattern.replace('\\', '/');
    Path start = p.startsWith("/") ? Path.of("/") : base;
    String rest = p.startsWith("/") ? p.substring(1) : p;
    // Walk from the deepest directory the pattern names without wildcards.
    while (rest.contains("/") && !is(rest.substring(0, rest.indexOf('/')))) {
      String segment = rest.substring(0, rest.indexOf('/'));
      start = start.resolve(segment);
      rest = rest.substring(rest.indexOf('/') + 1);
    }
    Path root = start.normalize();
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    Pattern regex = Pattern.compile(regex(rest));
    List<Path> found = new ArrayList<>();
    Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
        String name = d.getFileName() == null ? "" : d.getFileName().toString();
        boolean skip = !d.equals(root) && (name.startsWith(".") || name.equals("node_modules"));
        return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
        String relative = root.relativize(f).toString().replace('\\', '/');
        if (attrs.isRegularFile() && !f.getFileName().toString().startsWith(".") && regex.matcher(relative).matches()) {
          found.add(f);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path f, IOException e) {
        return FileVisitResult.CONTINUE;
      }
    });
    found.sort(null);
    return found;
  }

  /** The regular expression a glob stands for. */
  static String regex(String glob) {
    StringBuilder b = new StringBuilder();
    int braces = 0;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> {
          if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
            boolean slash = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
            b.append(slash ? "(?:[^/]*/)*" : ".*");
            i += slash ? 2 : 1;
          } else {
            b.append("[^/]*");
          }
        }
        case '?' -> b.append("[^/]");
        case '[' -> {
          int end = glob.indexOf(']', i + 1);
          if (end < 0) {
            b.append("\\[");
          } else {
            String set = glob.substring(i + 1, end).replace("\\", "\\\\");
            b.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
            i = end;
          }
        }
        case '{' -> {
          braces++;
          b.append("(?:");
        }
        case '}' -> {
          if (braces > 0) {
            braces--;
            b.append(')');
          } else {
            b.append("\\}");
          }
        }
        case ',' -> b.append(braces > 0 ? "|" : ",");
        default -> b.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return b.toString();
  }
}
