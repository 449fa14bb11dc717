package dev.whodecides.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.knowledge.Citation;
import dev.whodecides.knowledge.Knowledge;
import dev.whodecides.pages.Block.Bullets;
import dev.whodecides.pages.Block.Heading;
import dev.whodecides.pages.Inline.Cite;
import dev.whodecides.pages.Inline.Link;
import dev.whodecides.pages.Inline.Text;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Escaping and links in the two writers, on text crafted to break them. */
class WritersTest {

  static final String HOSTILE = "<script>alert('x')</script> & \"quotes\" *stars* _under_ [brackets] `tick` | pipe # hash";

  static Page hostilePage() {
    Citation cite = new Citation("ep", "Ann O'Neil", "Title \"with\" <quotes>", "1:05", "2:00",
        "https://www.youtube.com/watch?v=abc&t=65s");
    return new Page("roles/x", HOSTILE, HOSTILE, List.of(
        new Heading(2, HOSTILE, "anchor"),
        Block.paragraph(new Text(HOSTILE), new Cite(List.of(cite))),
        new Bullets(List.of(List.of(Link.to("decisions/y", HOSTILE)))),
        new Block.Table(List.of(List.of(new Text("a|b"))),
            List.of(List.of(List.of(new Text(HOSTILE)), List.of(new Inline.Code("x|y")))))));
  }

  @Test
  void htmlEscapesTextAndAttributes() {
    String out = HtmlWriter.write(hostilePage());
    // Text needs only <, > and & escaped; a quoted attribute value also its quotes.
    assertThat(out).doesNotContain("<script>", "title=\"Ann O'Neil", "\"Title \"with")
        .contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; \"quotes\"")
        .contains("href=\"https://www.youtube.com/watch?v=abc&amp;t=65s\"")
        .contains("title=\"Ann O&#39;Neil, &#34;Title &#34;with&#34; &lt;quotes>&#34; 1:05-2:00\"")
        .contains(">O'Neil 1:05\u20132:00</a>")
        .contains("href=\"../decisions/y.html\"")
        .contains("<h2 id=\"anchor\">");
  }

  @Test
  void markdownEscapesFormattingAndKeepsTableCellsWhole() {
    String out = MarkdownWriter.write(hostilePage());
    assertThat(out).contains("\\<script\\>alert('x')\\</script\\> & \"quotes\" \\*stars\\* \\_under\\_ \\[brackets\\] \\`tick\\` \\| pipe \\# hash")
        .contains("[O'Neil 1:05\u20132:00](https://www.youtube.com/watch?v=abc&t=65s \"Ann O'Neil, \\\"Title \\\"with\\\" \\<quotes\\>\\\" 1:05-2:00\")")
        .contains("](../decisions/y.md)")
        .contains("| a\\|b |");
    String tableRow = out.lines().filter(l -> l.contains("alert") && l.startsWith("|")).findFirst().orElseThrow();
    assertThat(tableRow.replace("\\|", "")).matches("\\|[^|]*\\|[^|]*\\|");
    assertThat(tableRow).contains("`x\\|y`");
  }

  @Test
  void relativeLinksClimbOutOfSubdirectories() {
    Page top = new Page("index", "t", "d", List.of());
    Page nested = new Page("rules/a", "t", "d", List.of());
    assertThat(top.linkTo("rules/b", ".html")).isEqualTo("rules/b.html");
    assertThat(nested.linkTo("rules/b", ".md")).isEqualTo("../rules/b.md");
    assertThat(nested.linkTo("index", ".html")).isEqualTo("../index.html");
  }

  @Test
  void supportPicksTheClaimThatSharesTheSentencesRareWords() {
    Knowledge k = Knowledge.builtIn();
    List<Knowledge.Claim> pool = k.claims(List.of("po-staffing-beyond-one-fte", "mesh-guarantees-build-trust",
        "domain-owner-prevents-duplicated-work"));
    assertThat(Support.pick("consumers need guarantees on timeliness and completeness", pool, 2))
        .extracting(Knowledge.Claim::id).containsExactly("mesh-guarantees-build-trust");
    assertThat(Support.pick("zzz qqq", pool, 2)).extracting(Knowledge.Claim::id)
        .containsExactly("po-staffing-beyond-one-fte");
    assertThat(Support.pick("anything", List.of(), 2)).isEmpty();
  }
}
