package dev.whodecides.report;

import dev.whodecides.diff.Change;
import dev.whodecides.diff.DiffResult;
import dev.whodecides.diff.PersonChange;
import dev.whodecides.knowledge.Citation;
import dev.whodecides.vocabulary.DecisionType;
import java.util.List;

/**
 * {@code diff --format markdown}: a pull-request comment a reviewer takes in at a glance. Opened
 * gaps lead, one sentence each naming the product, who held the decision and where, the role that
 * usually holds it and one link to the evidence; new findings, changed owners, people changes,
 * closed gaps and fixed findings follow, each list cut at ten.
 */
public final class DiffMarkdownFormatter implements DiffFormatter {

  private static final int SHOWN = 10;

  private final String docsBase;

  public DiffMarkdownFormatter(String docsBase) {
    this.docsBase = docsBase;
  }

  @Override
  public String format(DiffResult d) {
    StringBuilder md = new StringBuilder("## whodecides: decision rights in this change\n\n");
    long opened = d.count(Change.GAP_OPENED);
    long fresh = d.count(Change.FINDING_NEW);
    if (d.changes().isEmpty() && d.people().isEmpty()) {
      md.append("✅ This change moves no decision right and brings no new finding.\n");
      return md.toString();
    }
    md.append(opened > 0 ? "🔴 " : fresh > 0 ? "🟠 " : "✅ ")
        .append(opened).append(opened == 1 ? " gap opened" : " gaps opened").append(" · ")
        .append(d.count(Change.GAP_CLOSED)).append(" closed · ")
        .append(d.count(Change.OWNER_CHANGED)).append(d.count(Change.OWNER_CHANGED) == 1 ? " owner" : " owners")
        .append(" changed · ").append(fresh).append(" new ").append(fresh == 1 ? "finding" : "findings").append(" · ")
        .append(d.count(Change.FINDING_FIXED)).append(" fixed\n\n");
    List<Change> gaps = d.of(Change.GAP_OPENED);
    for (int i = 0; i < Math.min(SHOWN, gaps.size()); i++) {
      Change c = gaps.get(i);
      md.append("- This change leaves **").append(escape(c.entityName())).append("** without anyone who can ")
          .append(verb(c.decision())).append(" (was ").append(escape(c.beforeName()));
      if (c.beforeFile() != null) {
        md.append(", `").append(c.beforeFile()).append('`');
      }
      md.append("). Usually a **").append(c.role()).append("** decides this");
      if (c.evidence() != null) {
        md.append(" · ").append(link(c.evidence()));
      }
      md.append("\n  <sub>`").append(c.file()).append(':').append(c.line()).append("` · `").append(c.entity())
          .append("` · [`").append(c.rule()).append("`](").append(docsBase).append(c.rule()).append(".md)</sub>\n");
    }
    more(md, gaps.size());
    section(md, "New findings", d.of(Change.FINDING_NEW), c -> "**`" + c.rule() + "`** " + escape(c.message())
        + " <sub>`" + c.file() + ":" + c.line() + "`</sub>");
    section(md, "Owners changed", d.of(Change.OWNER_CHANGED), c -> "**" + escape(c.entityName()) + "**: "
        + c.decision() + " moves from `" + c.before() + "` to `" + c.after() + "` <sub>`" + c.file() + ":" + c.line() + "`</sub>");
    if (!d.people().isEmpty()) {
      md.append("\n**People whose change moves decisions**\n\n");
      List<PersonChange> people = d.people();
      for (int i = 0; i < Math.min(SHOWN, people.size()); i++) {
        PersonChange p = people.get(i);
        md.append("- ").append(escape(p.name())).append(" (`").append(p.person()).append("`): ").append(escape(p.what()))
            .append("; holds ").append(p.held().size() <= 3 ? String.join(", ", p.held())
                : String.join(", ", p.held().subList(0, 3)) + " and " + (p.held().size() - 3) + " more")
            .append('\n');
      }
      more(md, people.size());
    }
    section(md, "Gaps closed", d.of(Change.GAP_CLOSED), c -> "**" + escape(c.entityName()) + "**: " + c.decision()
        + " now held by `" + c.after() + "`");
    section(md, "Findings fixed", d.of(Change.FINDING_FIXED), c -> "`" + c.rule() + "` " + escape(c.message()));
    return md.toString();
  }

  private static void section(StringBuilder md, String title, List<Change> changes,
      java.util.function.Function<Change, String> line) {
    if (changes.isEmpty()) {
      return;
    }
    md.append("\n**").append(title).append("** (").append(changes.size()).append(")\n\n");
    for (int i = 0; i < Math.min(SHOWN, changes.size()); i++) {
      md.append("- ").append(line.apply(changes.get(i))).append('\n');
    }
    more(md, changes.size());
  }

  private static void more(StringBuilder md, int size) {
    if (size > SHOWN) {
      md.append("- … and ").append(size - SHOWN).append(" more (`whodecides diff --format text` lists them all)\n");
    }
  }

  /** What nobody can do any more, for the sentence "without anyone who can ...". */
  static String verb(String decision) {
    return DecisionType.byId(decision).map(t -> switch (t) {
      case RELEASE -> "decide to ship it";
      case ROADMAP -> "decide what goes on its roadmap";
      case PRIORITIZATION -> "set the order of its backlog";
      case DISCOVERY -> "decide which problems it explores";
      case LAUNCH -> "decide how it is rolled out";
      case STAFFING -> "decide who works on it";
      case PORTFOLIO -> "weigh it against the work of other teams";
      case GUARANTEES -> "promise its consumers anything about it";
      case ACCESS_PATH -> "decide how consumers get at it";
      case COMPLIANCE -> "answer for its compliance";
    }).orElse("make the " + decision + " decision");
  }

  private static String link(Citation c) {
    return "[" + escape(c.guest()) + ", " + escape(c.episode()) + " " + c.from() + "–" + c.to() + "](" + c.url() + ")";
  }

  private static String escape(String s) {
    return s == null ? "" : s.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").replace("*", "\\*");
  }
}
