package dev.whodecides.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.generate.OrgGenerator;
import dev.whodecides.store.Store;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A bigger generated organization: long lists come a page at a time, the graph says what it left out. */
class WebUiScaleTest {

  @TempDir static Path dir;
  static Javalin app;
  static ServiceClient client;

  @BeforeAll
  static void start() throws Exception {
    OrgGenerator.generate(6000, dir.resolve("org"), 11);
    app = new ServiceApp(new CatalogSource(List.of(dir.resolve("org"))), Store.open(dir.resolve("s.db").toString(), null),
        Clock.systemUTC()).create().start("127.0.0.1", 0);
    client = new ServiceClient(app);
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/matrix", "/people", "/findings", "/releases", "/guarantees"})
  void longListsArePagedWithAWayToTheNextPage(String path) throws Exception {
    String first = client.get(path).body();
    assertThat(first).contains("Page 1 of").contains("rel=\"next\"");
    assertThat(first.length()).as("one page, not the whole list").isLessThan(600_000);
    String second = client.get(path + "?page=2").body();
    assertThat(second).contains("Page 2 of").contains("rel=\"prev\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/graph"})
  void theGraphSaysWhatItLeftOutAndOffersAFocusField(String path) throws Exception {
    String page = client.get(path).body();
    assertThat(page).contains("<svg").contains("boxes are left out").contains("name=\"focus\"");
  }
}
