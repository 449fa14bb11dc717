package dev.whodecides.cli;

import dev.whodecides.backstage.BackstageSource;
import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.LiveCatalog;
import dev.whodecides.config.Config;
import dev.whodecides.notify.Webhook;
import dev.whodecides.notify.WebhookSender;
import dev.whodecides.rules.Baseline;
import dev.whodecides.rules.LintOptions;
import dev.whodecides.rules.LintResult;
import dev.whodecides.rules.Linter;
import java.time.LocalDate;
import java.util.function.Function;
import dev.whodecides.store.Store;
import dev.whodecides.web.CatalogSource;
import dev.whodecides.web.ServiceApp;
import io.javalin.Javalin;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code whodecides serve}: the service over a catalog and its store. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the web UI and the REST API: the overview with its trend, the decision matrix, findings,"
        + " people, the ownership graph, release calls on record (writes need a token), guarantees and the knowledge"
        + " pages. The catalog is reloaded when its files change, and read again from --backstage each interval.")
final class ServeCommand implements Callable<Integer> {

  /** How often the sender looks for due webhook deliveries. */
  static final Duration SEND_EVERY = Duration.ofSeconds(1);

  @Spec CommandSpec spec;

  @Mixin StoreOptions store;

  @Parameters(arity = "0..*", paramLabel = "PATH", description = "Catalog files or folders; optional with --backstage.")
  List<Path> paths;

  @Mixin BackstageOptions backstage;

  @Option(names = "--backstage-interval", paramLabel = "SECONDS", defaultValue = "60",
      description = "Read the Backstage of --backstage again this often (default: ${DEFAULT-VALUE}).")
  long backstageInterval;

  @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every"
          + " interface, best with --private).")
  String host;

  @Option(names = "--private", description = "Reads need a bearer token too (writes always do); the browser pages"
      + " ask for a token once and keep the browser signed in.")
  boolean privateReads;

  @Option(names = "--config", paramLabel = "FILE",
      description = "The configuration (rules, external, waivers) instead of the .whodecides.yaml found as lint finds it.")
  Path config;

  @Option(names = "--baseline", paramLabel = "FILE",
      description = "A baseline written by lint --write-baseline: the findings page shows the findings it knew apart,"
          + " and /api/findings takes ?state=new|unchanged.")
  Path baseline;

  @Option(names = "--webhook", paramLabel = "URL",
      description = "Post a release.recorded event (JSON, unsigned) here for every release call recorded; repeatable."
          + " For a secret or the Slack format, list the webhook under notify: in the configuration instead.")
  List<String> webhookUrls = List.of();

  @Override
  public Integer call() throws InterruptedException {
    paths = paths == null ? List.of() : paths;
    backstage.check(paths);
    if (backstageInterval < 1) {
      throw new UserError("--backstage-interval must be 1 second or more, not " + backstageInterval);
    }
    Path first = paths.isEmpty() ? null : paths.get(0);
    Config cfg = Configs.load(config, first);
    List<Webhook> webhooks = new ArrayList<>(cfg.webhooks());
    for (String url : webhookUrls) {
      URI address = Webhook.address(url).orElseThrow(() -> new UserError("--webhook '" + url + "' is not an http or"
          + " https address with a host; give the address that receives the events, e.g."
          + " --webhook https://hooks.example.com/whodecides"));
      webhooks.add(new Webhook(address, null, Webhook.Format.JSON));
    }
    Baseline accepted = baseline == null ? null : Configs.baseline(baseline);
    Clock clock = Clock.systemUTC();
    // Waivers are judged on the day each analysis is made, so one expires in a running service too.
    Function<Catalog, LintResult> linter = c -> {
      LintResult r = Linter.lint(c, new LintOptions(cfg.duplicateThreshold().orElse(LintOptions.DEFAULT_DUPLICATE_THRESHOLD),
          null, cfg.manualFixVolume().orElse(LintOptions.DEFAULT_MANUAL_FIX_VOLUME),
          cfg.busyUseCases().orElse(LintOptions.DEFAULT_BUSY_USE_CASES), cfg.policy(LocalDate.now(clock))));
      return accepted == null ? r : r.against(accepted);
    };
    // Loaded once: the problems printed are those of the catalog the service shows.
    CatalogSource catalog = source(clock, cfg.excluded());
    Output.loaded(catalog.get(), paths, spec.commandLine().getErr());
    Store s = store.open(first);
    ServiceApp service = new ServiceApp(catalog, linter, s, clock, privateReads, webhooks);
    service.prepare();
    Javalin app = service.create();
    try {
      app.start(host, port);
    } catch (RuntimeException e) {
      throw new UserError("cannot listen on " + host + ":" + port + " (" + e.getMessage()
          + "); choose another --port, or an address of this machine for --host");
    }
    String what = backstage.given() ? (paths.isEmpty() ? "" : paths + " and ") + backstage.url
        + " (read every " + backstageInterval + " s)" : paths.toString();
    spec.commandLine().getOut().println("whodecides serves " + what + " on http://" + host + ":" + app.port()
        + " (records in " + s.url().replaceAll("\\?.*", "") + ")");
    spec.commandLine().getOut().println("Open http://" + host + ":" + app.port() + "/ in a browser"
        + (privateReads ? " (sign in with an API token)" : "") + "; the API is under /api (see /api/openapi.json).");
    var err = spec.commandLine().getErr();
    // Started even without webhooks: deliveries another run queued must not wait for a configured one.
    WebhookSender sender = new WebhookSender(s, webhooks, clock, line -> {
      err.println("whodecides: " + line);
      err.flush();
    });
    sender.start(SEND_EVERY);
    if (!webhooks.isEmpty()) {
      spec.commandLine().getOut().println("Release calls are posted to " + webhooks.size() + " webhook"
          + (webhooks.size() == 1 ? "" : "s") + ": " + String.join(", ", webhooks.stream().map(Webhook::shown).toList()));
    }
    spec.commandLine().getOut().flush();
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sender.close();
      app.stop();
      stop.countDown();
    }));
    stop.await();
    return 0;
  }

  /**
   * The files, and with --backstage the running Backstage: read once now (a Backstage that cannot
   * be read stops the command with its one-line reason), then again each interval in the background.
   */
  private CatalogSource source(Clock clock, Predicate<Path> excluded) {
    BackstageSource reader = backstage.source();
    if (reader == null) {
      return new CatalogSource(paths, excluded, clock);
    }
    LiveCatalog firstRead = reader.read();
    if (firstRead.failed()) {
      throw new UserError(firstRead.url() + ": " + firstRead.error());
    }
    AtomicReference<LiveCatalog> pending = new AtomicReference<>(firstRead);
    Supplier<LiveCatalog> live = () -> {
      LiveCatalog p = pending.getAndSet(null);
      return p != null ? p : reader.read();
    };
    ExecutorService rereads = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "whodecides-backstage");
      t.setDaemon(true);
      return t;
    });
    return new CatalogSource(paths, excluded, clock, live, Duration.ofSeconds(backstageInterval), rereads);
  }
}
