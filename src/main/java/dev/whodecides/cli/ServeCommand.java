package dev.whodecides.cli;

import dev.whodecides.store.Store;
import dev.whodecides.web.CatalogSource;
import dev.whodecides.web.ServiceApp;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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
        + " pages. The catalog is reloaded when its files change.")
final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin StoreOptions store;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Catalog files or folders.")
  List<Path> paths;

  @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every"
          + " interface, best with --private).")
  String host;

  @Option(names = "--private", description = "Reads need a bearer token too (writes always do); the browser pages"
      + " ask for a token once and keep the browser signed in.")
  boolean privateReads;

  @Override
  public Integer call() throws InterruptedException {
    // Loaded once: the problems printed are those of the catalog the service shows.
    CatalogSource catalog = new CatalogSource(paths);
    Output.loaded(catalog.get(), paths, spec.commandLine().getErr());
    Store s = store.open(paths.get(0));
    ServiceApp service = new ServiceApp(catalog, s, Clock.systemUTC(), privateReads);
    service.prepare();
    Javalin app = service.create();
    try {
      app.start(host, port);
    } catch (RuntimeException e) {
      throw new UserError("cannot listen on " + host + ":" + port + " (" + e.getMessage()
          + "); choose another --port, or an address of this machine for --host");
    }
    spec.commandLine().getOut().println("whodecides serves " + paths + " on http://" + host + ":" + app.port()
        + " (records in " + s.url().replaceAll("\\?.*", "") + ")");
    spec.commandLine().getOut().println("Open http://" + host + ":" + app.port() + "/ in a browser"
        + (privateReads ? " (sign in with an API token)" : "") + "; the API is under /api (see /api/openapi.json).");
    spec.commandLine().getOut().flush();
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.stop();
      stop.countDown();
    }));
    stop.await();
    return 0;
  }
}
