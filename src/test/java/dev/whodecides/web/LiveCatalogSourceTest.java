package dev.whodecides.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.TestClock;
import dev.whodecides.catalog.LiveCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's catalog with a running Backstage beside the files: read again once the interval has
 * passed (by the clock, on the executor, so no request waits), the last good read kept when one fails.
 */
class LiveCatalogSourceTest {

  static final String URL = "http://backstage.example:7007";

  static Map<String, Object> group(String name) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("namespace", "default");
    metadata.put("name", name);
    metadata.put("annotations", Map.of("backstage.io/managed-by-location", "file:/srv/org.yaml"));
    return Map.of("apiVersion", "backstage.io/v1alpha1", "kind", "Group", "metadata", metadata,
        "spec", Map.of("type", "team", "children", List.of()),
        "relations", List.of(Map.of("type", "childOf", "targetRef", "group:default/org")));
  }

  static List<String> names(CatalogSource source) {
    return source.get().entities().stream().map(e -> e.ref().toString()).sorted().toList();
  }

  @Test
  void backstageIsReadAgainEachIntervalAndAFailedReadKeepsTheLastGoodOne(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("d.yaml"), """
        apiVersion: whodecides.dev/v1
        kind: Decision
        metadata: {name: pricing-roadmap}
        spec: {type: roadmap, scope: group:pricing, owner: group:pricing}
        """);
    Deque<LiveCatalog> answers = new ArrayDeque<>(List.of(
        LiveCatalog.of(URL, List.of(group("pricing"))),
        LiveCatalog.of(URL, List.of(group("pricing"), group("marketing"))),
        LiveCatalog.failed(URL, "Backstage failed (503); try again, or see its logs"),
        LiveCatalog.of(URL, List.of(group("marketing")))));
    int[] reads = {0};
    TestClock clock = new TestClock(Instant.parse("2026-12-02T02:00:00Z"));
    List<Runnable> queued = new ArrayList<>();
    Executor later = queued::add;
    CatalogSource source = new CatalogSource(List.of(dir), p -> false, clock, () -> {
      reads[0]++;
      return answers.pop();
    }, CatalogSource.LIVE_INTERVAL, later);

    assertThat(CatalogSource.LIVE_INTERVAL).isEqualTo(Duration.ofSeconds(60));
    assertThat(names(source)).containsExactly("decision:default/pricing-roadmap", "group:default/pricing");
    clock.advance(Duration.ofSeconds(59));
    source.get();
    assertThat(queued).as("not before the interval").isEmpty();

    clock.advance(Duration.ofSeconds(1));
    assertThat(names(source)).as("the request does not wait for the read").hasSize(2);
    assertThat(queued).hasSize(1);
    source.get();
    assertThat(queued).as("one read at a time").hasSize(1);
    queued.remove(0).run();
    assertThat(names(source)).containsExactly("decision:default/pricing-roadmap", "group:default/marketing",
        "group:default/pricing");
    assertThat(source.lastError()).isNull();

    clock.advance(Duration.ofSeconds(60));
    source.get();
    queued.remove(0).run();
    assertThat(names(source)).as("a failed read keeps the last good entities").hasSize(3);
    assertThat(source.lastError()).isEqualTo(URL + ": Backstage failed (503); try again, or see its logs"
        + " (showing the catalog as read at the last good read)");

    clock.advance(Duration.ofSeconds(60));
    source.get();
    queued.remove(0).run();
    assertThat(names(source)).containsExactly("decision:default/pricing-roadmap", "group:default/marketing");
    assertThat(source.lastError()).isNull();
    assertThat(reads[0]).isEqualTo(4);
  }
}
