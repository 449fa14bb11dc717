package dev.whodecides.pages;

import dev.whodecides.knowledge.Citation;

/** How a citation reads inline: the guest's family name and the cited range. */
final class Cites {

  private Cites() {}

  static String shortLabel(Citation c) {
    String guest = c.guest() == null ? "" : c.guest().strip();
    int space = guest.lastIndexOf(' ');
    String name = space < 0 ? guest : guest.substring(space + 1);
    return name + " " + c.from() + "\u2013" + c.to();
  }
}
