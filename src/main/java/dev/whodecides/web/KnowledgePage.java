package dev.whodecides.web;

import dev.whodecides.pages.Page;
import dev.whodecides.pages.Pages;
import dev.whodecides.web.view.Model.Chrome;
import dev.whodecides.web.view.Model.Link;
import dev.whodecides.web.view.Model;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The knowledge site's pages (roles, decision types, rules, evidence) inside the service's frame. */
final class KnowledgePage {

  private final Map<String, Page> pages = new LinkedHashMap<>();
  private final List<Link> index = new ArrayList<>();

  KnowledgePage() {
    for (Page p : Pages.builtIn()) {
      pages.put(p.path(), p);
      index.add(new Link(p.title(), "/knowledge/" + p.path() + ".html"));
    }
  }

  /** The page at {@code path} ({@code roles/product-owner}, with or without {@code .html}); empty when there is none. */
  Optional<Model.Knowledge> build(Chrome chrome, String path) {
    String key = path.endsWith(".html") ? path.substring(0, path.length() - 5) : path;
    Page page = pages.get(key);
    return page == null ? Optional.empty()
        : Optional.of(new Model.Knowledge(chrome.withTitle(page.title()), Pages.article(page), index));
  }
}
