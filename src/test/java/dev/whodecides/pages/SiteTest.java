package dev.whodecides.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.cli.Main;
import dev.whodecides.knowledge.Citation;
import dev.whodecides.knowledge.Knowledge;
import dev.whodecides.rules.BuiltInRules;
import dev.whodecides.rules.RuleDescriptor;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.Role;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders the whole site in both formats and checks it the way a reader's browser would. */
class SiteTest {

  private static final Pattern HREF = Pattern.compile("\\b(href|src)\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
  private static final Pattern CITE = Pattern.compile("<a class=\"cite\" href=\"([^\"]*)\"");
  private static final Pattern MD_LINK = Pattern.compile("\\]\\(([^)\\s]+)(?: \"(?:[^\"\\\\]|\\\\.)*\")?\\)");
  private static final Pattern TIME = Pattern.compile("^https://www\\.youtube\\.com/watch\\?v=[\\w-]+&t=(\\d+)s$");

  @TempDir static Path tmp;
  static Path html;
  static Path md;
  static Knowledge k;
  static Set<String> knownCitationUrls = new HashSet<>();

  @BeforeAll
  static void render() throws IOException {
    html = tmp.resolve("html");
    md = tmp.resolve("md");
    Pages.write(html, Format.HTML);
    Pages.write(md, Format.MARKDOWN);
    k = Knowledge.builtIn();
    for (Knowledge.Claim c : k.claims().values()) {
      k.citations(c).forEach(cite -> knownCitationUrls.add(cite.url()));
    }
  }

  static Set<String> expectedPages() {
    Set<String> out = new TreeSet<>(List.of("index", "compare", "evidence"));
    for (Role r : Role.values()) {
      out.add("roles/" + r.id());
    }
    for (DecisionType t : DecisionType.values()) {
      out.add("decisions/" + t.id());
    }
    for (RuleDescriptor d : BuiltInRules.descriptors()) {
      out.add("rules/" + d.id());
    }
    return out;
  }

  static Set<String> written(Path root, String ext) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      Set<String> out = new TreeSet<>();
      files.filter(Files::isRegularFile).forEach(f -> {
        String rel = root.relativize(f).toString().replace('\\', '/');
        assertThat(rel).endsWith(ext);
        out.add(rel.substring(0, rel.length() - ext.length()));
      });
      return out;
    }
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String unescape(String s) {
    return s.replace("&quot;", "\"").replace("&#34;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  @Test
  void onePagePerRoleDecisionTypeAndRulePlusComparisonIndexAndEvidence() throws IOException {
    assertThat(written(html, ".html")).isEqualTo(expectedPages());
    assertThat(written(md, ".md")).isEqualTo(expectedPages());
    assertThat(expectedPages()).hasSize(3 + 4 + 10 + BuiltInRules.ALL.size());
  }

  @Test
  void everyHtmlLinkResolvesAndEveryCitationOpensTheCitedSecond() throws IOException {
    int relative = 0;
    int cites = 0;
    for (String page : expectedPages()) {
      Path file = html.resolve(page + ".html");
      String text = read(file);
      Matcher m = HREF.matcher(text);
      while (m.find()) {
        assertThat(m.group(1).toLowerCase(Locale.ROOT)).as("%s: no element loads anything", page).isEqualTo("href");
        String href = unescape(m.group(2));
        if (href.startsWith("https://") || href.startsWith("http://")) {
          assertThat(href).as("%s: external links go only to the episodes", page).startsWith("https://www.youtube.com/watch?v=");
          continue;
        }
        assertThat(href).as("%s: %s", page, href).doesNotContain(":").doesNotStartWith("/").isNotEmpty();
        relative++;
        String target = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
        Path resolved = file.getParent().resolve(target).normalize();
        assertThat(resolved).as("%s links to %s", page, href).isRegularFile().startsWith(html);
        if (href.contains("#")) {
          String anchor = href.substring(href.indexOf('#') + 1);
          assertThat(read(resolved)).as("%s links to anchor %s", page, href).contains("id=\"" + anchor + "\"");
        }
      }
      Matcher c = CITE.matcher(text);
      while (c.find()) {
        String url = unescape(c.group(1));
        assertThat(url).as("%s: citation link", page).matches(TIME);
        assertThat(knownCitationUrls).as("%s: citation from the knowledge file", page).contains(url);
        cites++;
      }
    }
    assertThat(relative).isGreaterThan(200);
    assertThat(cites).isGreaterThan(100);
  }

  @Test
  void htmlMakesNoExternalRequestsAndFitsAPhone() {
    for (String page : expectedPages()) {
      String text = read(html.resolve(page + ".html"));
      String lower = text.toLowerCase(Locale.ROOT);
      assertThat(text).as(page).contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
      assertThat(text).as(page).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">");
      assertThat(lower).as(page).doesNotContain("<script", "<link", "<img", "<iframe", "@import", "url(", "src=",
          "<object", "<embed", "@font-face");
      assertThat(lower).as(page).containsOnlyOnce("<style>");
    }
  }

  @Test
  void everyMarkdownLinkResolvesToAPageAndHeading() throws IOException {
    int relative = 0;
    int cites = 0;
    for (String page : expectedPages()) {
      Path file = md.resolve(page + ".md");
      Matcher m = MD_LINK.matcher(read(file));
      while (m.find()) {
        String href = m.group(1);
        if (href.startsWith("https://")) {
          assertThat(href).as(page).startsWith("https://www.youtube.com/watch?v=");
          if (href.contains("t=")) {
            assertThat(href).matches(TIME);
            assertThat(knownCitationUrls).contains(href);
            cites++;
          }
          continue;
        }
        relative++;
        String target = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
        assertThat(target).as("%s: %s", page, href).endsWith(".md");
        Path resolved = file.getParent().resolve(target).normalize();
        assertThat(resolved).as("%s links to %s", page, href).isRegularFile().startsWith(md);
        if (href.contains("#")) {
          assertThat(githubAnchors(read(resolved))).as("%s links to %s", page, href)
              .contains(href.substring(href.indexOf('#') + 1));
        }
      }
    }
    assertThat(relative).isGreaterThan(200);
    assertThat(cites).isGreaterThan(100);
  }

  /** The anchors GitHub makes from headings: lower case, punctuation dropped, spaces to hyphens. */
  static Set<String> githubAnchors(String markdown) {
    Set<String> out = new HashSet<>();
    for (String line : markdown.split("\n")) {
      if (line.startsWith("#")) {
        String heading = line.replaceFirst("^#+\\s*", "").replace("\\", "");
        out.add(heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
      }
    }
    return out;
  }

  @Test
  void comparisonSetsTheFourRolesSideBySideWithCitations() {
    String text = read(html.resolve("compare.html"));
    String[] cards = text.split("<section class=\"card\">");
    assertThat(cards).hasSize(5); // the part before the first card, then one per role
    int i = 0;
    for (Role r : Role.values()) {
      i++;
      Knowledge.RoleCard card = k.role(r.id()).orElseThrow();
      String section = cards[i].substring(0, cards[i].indexOf("</section>"));
      assertThat(section).contains(">" + HtmlWriter.text(card.name()) + "</a>");
      for (String label : List.of("What it decides", "Decision types", "What goes wrong without it", "How to tell it is missing")) {
        assertThat(section).contains("<h3>" + label + "</h3>");
      }
      for (String statement : List.of(card.decides(), card.withoutIt(), card.signal())) {
        assertThat(paragraphHolding(section, HtmlWriter.text(statement.strip())))
            .as("%s: %s is cited", r.id(), statement).contains("class=\"cite\"");
      }
      for (DecisionType t : DecisionType.of(r)) {
        assertThat(section).contains("href=\"decisions/" + t.id() + ".html\"");
      }
    }
    String markdown = read(md.resolve("compare.md"));
    String header = markdown.lines().filter(l -> l.startsWith("|  |")).findFirst().orElseThrow();
    for (Role r : Role.values()) {
      assertThat(header).contains("(roles/" + r.id() + ".md)");
    }
    assertThat(markdown).contains("| **What it decides** |", "| **What goes wrong without it** |",
        "| **How to tell it is missing** |");
  }

  @Test
  void everyStatementFromTheKnowledgeFileCarriesACitation() {
    for (Role r : Role.values()) {
      Knowledge.RoleCard card = k.role(r.id()).orElseThrow();
      String page = read(html.resolve("roles/" + r.id() + ".html"));
      for (String s : List.of(card.summary(), card.decides(), card.withoutIt(), card.signal())) {
        assertThat(paragraphHolding(page, HtmlWriter.text(s.strip()))).as("%s: %s", r.id(), s).contains("class=\"cite\"");
      }
      claimsAreCited(page, card.claims());
    }
    for (DecisionType t : DecisionType.values()) {
      Knowledge.DecisionCard card = k.decisionType(t.id()).orElseThrow();
      String page = read(html.resolve("decisions/" + t.id() + ".html"));
      assertThat(paragraphHolding(page, HtmlWriter.text(card.question().strip()))).contains("class=\"cite\"");
      assertThat(page).contains("href=\"../roles/" + t.role().id() + ".html\"");
      claimsAreCited(page, card.claims());
    }
    for (RuleDescriptor d : BuiltInRules.descriptors()) {
      Knowledge.RuleCard card = k.rule(d.id()).orElseThrow();
      String page = read(html.resolve("rules/" + d.id() + ".html"));
      assertThat(paragraphHolding(page, HtmlWriter.text(card.why().strip()))).contains("class=\"cite\"");
      claimsAreCited(page, card.claims());
      if (d.role() != null) {
        assertThat(page).contains("href=\"../roles/" + d.role() + ".html\"");
        assertThat(read(html.resolve("roles/" + d.role() + ".html"))).contains("href=\"../rules/" + d.id() + ".html\"");
      }
    }
    String evidence = read(html.resolve("evidence.html"));
    for (Knowledge.Claim c : k.claims().values()) {
      assertThat(evidence).contains("id=\"" + c.id() + "\"");
      assertThat(paragraphHolding(evidence, HtmlWriter.text(c.text().strip()))).contains("class=\"cite\"");
    }
  }

  @Test
  void relatedPagesLinkBothWays() {
    for (Role r : Role.values()) {
      String role = read(html.resolve("roles/" + r.id() + ".html"));
      for (DecisionType t : DecisionType.of(r)) {
        assertThat(role).contains("href=\"../decisions/" + t.id() + ".html\"");
        assertThat(read(html.resolve("decisions/" + t.id() + ".html"))).contains("href=\"../roles/" + r.id() + ".html\"");
      }
      for (String claim : k.role(r.id()).orElseThrow().claims()) {
        assertThat(role).contains("href=\"../evidence.html#" + claim + "\"");
      }
    }
    String evidence = read(html.resolve("evidence.html"));
    String poClaim = k.role("product-owner").orElseThrow().claims().get(0);
    String entry = evidence.substring(evidence.indexOf("id=\"" + poClaim + "\""));
    entry = entry.substring(0, entry.indexOf("<h3", 1) < 0 ? entry.length() : entry.indexOf("<h3", 1));
    assertThat(entry).contains("href=\"roles/product-owner.html\"");
    String index = read(html.resolve("index.html"));
    for (String page : expectedPages()) {
      if (!page.equals("index")) {
        assertThat(index).as("index links to %s", page).contains("href=\"" + page + ".html");
      }
    }
  }

  private static void claimsAreCited(String page, List<String> claimIds) {
    for (Knowledge.Claim c : k.claims(claimIds)) {
      String holder = elementHolding(page, HtmlWriter.text(c.text().strip()), "<li>", "</li>");
      List<String> urls = new ArrayList<>();
      Matcher m = CITE.matcher(holder);
      while (m.find()) {
        urls.add(unescape(m.group(1)));
      }
      assertThat(urls).as("claim %s", c.id()).containsExactlyInAnyOrderElementsOf(
          k.citations(c).stream().map(Citation::url).distinct().toList());
    }
  }

  private static String paragraphHolding(String page, String text) {
    return elementHolding(page, text, "<p>", "</p>");
  }

  private static String elementHolding(String page, String text, String open, String close) {
    int at = page.indexOf(text, Math.max(0, page.indexOf("<main")));
    assertThat(at).as("page holds %s", text).isNotNegative();
    int start = page.lastIndexOf(open, at);
    int end = page.indexOf(close, at);
    assertThat(start).isNotNegative();
    return page.substring(start, end);
  }

  @Test
  void pagesCommandWritesTheSiteAndRejectsAFileAsOut() throws IOException {
    Path out = tmp.resolve("cli");
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int status = Main.run(new String[] {"pages", "--out", out.toString(), "--format", "markdown"},
        new PrintWriter(o), new PrintWriter(e));
    assertThat(status).as(e.toString()).isZero();
    assertThat(o.toString()).contains("Wrote " + expectedPages().size() + " markdown pages");
    assertThat(written(out, ".md")).isEqualTo(expectedPages());

    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    StringWriter e2 = new StringWriter();
    status = Main.run(new String[] {"pages", "--out", file.toString()}, new PrintWriter(new StringWriter()),
        new PrintWriter(e2));
    assertThat(status).isEqualTo(Main.USAGE);
    assertThat(e2.toString()).contains("is a file").doesNotContain("Exception");
  }
}
