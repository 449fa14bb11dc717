package dev.whodecides.pages;

import dev.whodecides.knowledge.Knowledge;
import dev.whodecides.rules.RuleDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the knowledge file as a small static site: an index, a comparison of the four roles,
 * one page per role, decision type and rule, and an evidence page with every claim.
 */
public final class Pages {

  private Pages() {}

  /** The site built from whodecides' own knowledge file and rules. */
  public static List<Page> builtIn() {
    return SiteBuilder.builtIn().pages();
  }

  /** The site built from any knowledge and rule list; for tests and other knowledge files. */
  public static List<Page> of(Knowledge knowledge, List<RuleDescriptor> rules) {
    return new SiteBuilder(knowledge, rules).pages();
  }

  /** One page's text in the given format. */
  public static String render(Page page, Format format) {
    return format == Format.HTML ? HtmlWriter.write(page) : MarkdownWriter.write(page);
  }

  /**
   * Writes the built-in site into {@code out}, creating directories as needed and replacing
   * files of the same name; other files there are left alone. Returns the files written.
   */
  public static List<Path> write(Path out, Format format) throws IOException {
    return write(builtIn(), out, format);
  }

  /**
   * A page's content as HTML without the document around it (links stay relative, as in the
   * written site), for a host page such as the service's knowledge section to embed.
   */
  public static String article(Page page) {
    return HtmlWriter.article(page);
  }

  public static List<Path> write(List<Page> pages, Path out, Format format) throws IOException {
    List<Path> written = new ArrayList<>();
    for (Page page : pages) {
      Path file = out.resolve(page.path() + format.extension());
      Files.createDirectories(file.getParent());
      Files.writeString(file, render(page, format), StandardCharsets.UTF_8);
      written.add(file);
    }
    return written;
  }
}
