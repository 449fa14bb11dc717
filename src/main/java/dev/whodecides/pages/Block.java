package dev.whodecides.pages;

import java.util.List;

/** A block of a page; both writers render every kind, so HTML and Markdown share one structure. */
sealed interface Block {

  /** A heading; {@code anchor} is the fragment other pages link to, or null. */
  record Heading(int level, String text, String anchor) implements Block {}

  record Paragraph(List<Inline> content) implements Block {}

  record Bullets(List<List<Inline>> items) implements Block {}

  /** A plain table; the first row is the header. */
  record Table(List<List<Inline>> header, List<List<List<Inline>>> rows) implements Block {}

  /**
   * Things set side by side: one column per item, the same labelled rows in each. HTML shows
   * cards that sit in a row on wide screens and stack on a phone; Markdown shows a table.
   */
  record Columns(List<Column> columns, List<String> rowLabels) implements Block {}

  /** One column of {@link Columns}: a heading and one cell per row label. */
  record Column(List<Inline> heading, List<List<Inline>> cells) {}

  static Paragraph paragraph(Inline... content) {
    return new Paragraph(List.of(content));
  }
}
