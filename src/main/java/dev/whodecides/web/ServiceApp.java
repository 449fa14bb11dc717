package dev.whodecides.web;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.store.Store;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The whodecides service: the REST API and the browser pages over the catalog and the store.
 * Built from its parts so a test can start it whole; {@link Routes} lists every address it
 * answers.
 */
public final class ServiceApp {

  private final Analyses analyses;
  private final Store store;
  private final Clock clock;
  private final boolean privateService;

  public ServiceApp(Supplier<Catalog> catalog, Store store, Clock clock) {
    this(catalog, store, clock, false);
  }

  /** With {@code privateService}, reading needs a bearer token too, and the pages a sign-in. */
  public ServiceApp(Supplier<Catalog> catalog, Store store, Clock clock, boolean privateService) {
    this.analyses = new Analyses(catalog, store, clock);
    this.store = store;
    this.clock = clock;
    this.privateService = privateService;
  }

  public Javalin create() {
    Security security = new Security(store, clock, privateService);
    ApiController api = new ApiController(analyses, analyses::catalogError, store, clock, security);
    PageController pages = new PageController(analyses, analyses::catalogError, store, clock, security);
    return Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      Routes.register(config, security, api, pages);
    });
  }

  /** Analyses the catalog now, so the first request does not wait for it. */
  public void prepare() {
    analyses.get();
  }
}
