package dev.whodecides.web;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.notify.Outbox;
import dev.whodecides.notify.Webhook;
import dev.whodecides.store.Store;
import io.javalin.Javalin;
import dev.whodecides.rules.LintOptions;
import dev.whodecides.rules.LintResult;
import dev.whodecides.rules.Linter;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
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
    this(catalog, c -> Linter.lint(c, LintOptions.defaults()), store, clock, privateService);
  }

  /**
   * With {@code linter}, how each catalog is linted: the team's configuration (waivers judged on the
   * service's clock) and baseline, as {@code lint --config --baseline} would.
   */
  public ServiceApp(Supplier<Catalog> catalog, Function<Catalog, LintResult> linter, Store store, Clock clock,
      boolean privateService) {
    this(catalog, linter, store, clock, privateService, List.of());
  }

  /**
   * With {@code webhooks}, every release call recorded through the API or the pages queues one
   * delivery per webhook in its own transaction; a {@link dev.whodecides.notify.WebhookSender} on
   * the same store sends them.
   */
  public ServiceApp(Supplier<Catalog> catalog, Function<Catalog, LintResult> linter, Store store, Clock clock,
      boolean privateService, List<Webhook> webhooks) {
    this.analyses = new Analyses(catalog, linter, store, clock);
    this.store = webhooks.isEmpty() ? store
        : store.withOutbox(r -> Outbox.deliveries(r, analyses.get().ownership(), webhooks));
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
