package dev.whodecides.catalog;

import java.util.List;
import java.util.Map;

/**
 * The entities a running catalog (Backstage) answered with, as plain JSON values, or why it could
 * not be read. {@code url} names the catalog in messages; {@code error} is one sentence, null when
 * the read succeeded. The loader combines it with local files, and local files win.
 */
public record LiveCatalog(String url, List<Map<String, Object>> entities, String error) {

  public LiveCatalog {
    entities = List.copyOf(entities);
  }

  public static LiveCatalog of(String url, List<Map<String, Object>> entities) {
    return new LiveCatalog(url, entities, null);
  }

  public static LiveCatalog failed(String url, String error) {
    return new LiveCatalog(url, List.of(), error);
  }

  public boolean failed() {
    return error != null;
  }
}
