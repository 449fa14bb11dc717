package dev.whodecides.pages;

import dev.whodecides.knowledge.Citation;
import java.util.List;

/** A run of text inside a block: plain text, a link to another page, a citation, or code. */
sealed interface Inline {

  /** Plain text, escaped by each writer. */
  record Text(String text) implements Inline {}

  /** Text set in bold. */
  record Strong(String text) implements Inline {}

  /** An identifier set in code type. */
  record Code(String text) implements Inline {}

  /** A link to a page of the site ({@code page} without extension), optionally to an anchor on it. */
  record Link(String page, String anchor, String text, boolean code) implements Inline {
    static Link to(String page, String text) {
      return new Link(page, null, text, false);
    }

    static Link code(String page, String text) {
      return new Link(page, null, text, true);
    }
  }

  /** A secondary link, set smaller in HTML. */
  record Aside(Link link) implements Inline {}

  /** Inline citations, each opening its episode at the cited second; written as one group. */
  record Cite(List<Citation> citations) implements Inline {}

  /** An external link that is not a citation, such as a whole episode. */
  record External(String url, String text) implements Inline {}

  static Inline text(String s) {
    return new Text(s);
  }
}
