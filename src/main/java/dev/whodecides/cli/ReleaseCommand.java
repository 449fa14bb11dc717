package dev.whodecides.cli;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.decisions.Authority;
import dev.whodecides.decisions.Ownership;
import dev.whodecides.notify.Outbox;
import dev.whodecides.notify.Webhook;
import dev.whodecides.release.Refusal;
import dev.whodecides.release.ReleaseGate;
import dev.whodecides.release.ReleaseInput;
import dev.whodecides.release.ReleasePolicy;
import dev.whodecides.release.ReleaseRecord;
import dev.whodecides.release.ReleaseRequest;
import dev.whodecides.report.Json;
import dev.whodecides.report.ReleaseCheckJson;
import dev.whodecides.store.Store;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code whodecides release}: ship-or-wait calls on record. */
@Command(name = "release", mixinStandardHelpOptions = true, description = "Keep ship-or-wait calls on record.",
    subcommands = {ReleaseCommand.RecordCall.class, ReleaseCommand.CheckCall.class})
final class ReleaseCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: record or check");
  }

  /** {@code whodecides release record}. */
  @Command(name = "record",
      description = "Record a ship-or-wait call. Only the product's effective release owner may make it, and a ship"
          + " below the agreed bar needs --accepted-risk. Exit 1 when refused.")
  static final class RecordCall implements Callable<Integer> {

    @Spec CommandSpec spec;

    // Not mixinStandardHelpOptions: its -V/--version would clash with the release's --version, and
    // picocli then dropped --help too, so "release record --help" asked for the required options.
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Mixin StoreOptions store;

    @Option(names = "--catalog", paramLabel = "PATH", defaultValue = ".", split = ",",
        description = "Catalog files or folders (default: the current folder).")
    List<Path> catalog;

    @Option(names = "--product", required = true, paramLabel = "REF") String product;
    @Option(names = "--version", required = true, paramLabel = "V") String version;
    @Option(names = "--decision", required = true, paramLabel = "ship|wait") String decision;
    @Option(names = "--by", required = true, paramLabel = "USER") String by;
    @Option(names = "--metric", paramLabel = "NAME=VALUE", description = "A measured value, repeatable.")
    List<String> metrics = List.of();
    @Option(names = "--bar", paramLabel = "NAME>=VALUE", description = "An agreed threshold, repeatable.")
    List<String> bars = List.of();
    @Option(names = "--accepted-risk", paramLabel = "TEXT") String acceptedRisk;
    @Option(names = "--rationale", paramLabel = "TEXT") String rationale;
    @Option(names = "--wait-until", paramLabel = "DATE") String waitUntil;
    @Option(names = "--supersedes", paramLabel = "ID", description = "The record this one corrects.") Long supersedes;
    @Option(names = "--config", paramLabel = "FILE", description = "The configuration whose notify: webhooks the call"
        + " is queued for, instead of the .whodecides.yaml found as lint finds it.") Path config;

    /** How the command line names the fields a release call is read from. */
    static final ReleaseInput.Labels LABELS = new ReleaseInput.Labels("--metric", "--bar", "--wait-until",
        "--supersedes");

    @Override
    public Integer call() {
      ReleaseRequest request;
      try {
        ReleaseInput input = new ReleaseInput(LABELS).waitUntil(waitUntil).supersedes(supersedes);
        metrics.forEach(input::metric);
        bars.forEach(input::bar);
        request = input.request(product, version, decision, by, acceptedRisk, rationale);
      } catch (Refusal r) {
        throw new UserError(r.getMessage());
      }
      var err = spec.commandLine().getErr();
      List<Webhook> webhooks = Configs.load(config, catalog.get(0)).webhooks();
      Catalog c = Output.load(catalog, err);
      Ownership ownership = Ownership.of(c);
      Store s = store.open(catalog.get(0));
      if (!webhooks.isEmpty()) {
        s = s.withOutbox(r -> Outbox.deliveries(r, ownership, webhooks));
      }
      try {
        ReleaseRecord record = s.append(new ReleasePolicy(ownership, Clock.systemUTC()).admit(request, null));
        var out = spec.commandLine().getOut();
        out.println("Recorded release call " + record.id() + " (" + record.decision() + " " + record.product() + " "
            + record.version() + ").");
        out.println(record.statement());
        if (!webhooks.isEmpty()) {
          // The command line does not post; the service on this store sends what is queued.
          out.println("Queued for " + webhooks.size() + " webhook" + (webhooks.size() == 1 ? "" : "s")
              + "; whodecides serve on this store sends " + (webhooks.size() == 1 ? "it." : "them."));
        }
        out.flush();
        return 0;
      } catch (Refusal r) {
        err.println("whodecides: refused: " + r.getMessage());
        err.flush();
        return 1;
      }
    }
  }

  /** {@code whodecides release check}: the gate a deploy pipeline runs before it deploys. */
  @Command(name = "check",
      description = "May this version be deployed? Exit 0 only when the newest call on record for it, not superseded,"
          + " is a ship; 1 otherwise (no call, a wait, or superseded by a wait), with the reason; 2 for bad input or a"
          + " store or service that cannot be reached. With --service the running service answers (a private one"
          + " takes the token in WHODECIDES_TOKEN).")
  static final class CheckCall implements Callable<Integer> {

    enum Format { text, json }

    @Spec CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Mixin StoreOptions store;

    @Option(names = "--service", paramLabel = "URL", description = "Ask a running whodecides serve instead of the database.")
    String service;

    @Option(names = "--catalog", paramLabel = "PATH", defaultValue = ".", split = ",",
        description = "Catalog files or folders (default: the current folder); not read with --service.")
    List<Path> catalog;

    @Option(names = "--product", required = true, paramLabel = "REF") String product;
    @Option(names = "--version", required = true, paramLabel = "V") String version;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
      if (service != null && store.db != null) {
        throw new UserError("give --db or --service, not both: the gate asks one source of record");
      }
      if (version.isBlank()) {
        throw new UserError("--version is empty; name the version the pipeline is about to deploy");
      }
      ReleaseCheckJson.CheckJson answer = service != null ? ServiceCheck.ask(service, product, version)
          : local();
      var out = spec.commandLine().getOut();
      if (format == Format.json) {
        out.print(Json.write(answer));
      } else {
        out.println((answer.allowed() ? "allowed: " : "blocked: ") + answer.reason());
      }
      out.flush();
      return answer.allowed() ? 0 : 1;
    }

    private ReleaseCheckJson.CheckJson local() {
      Catalog c = Output.load(catalog, spec.commandLine().getErr());
      EntityRef ref = c.resolve(product, Kind.PRODUCTS).filter(c::exists)
          .orElseThrow(() -> new UserError("product '" + product + "' is not in the catalog at " + catalog
              + "; check --product and --catalog"));
      EntityRef owner = Authority.of(Ownership.of(c)).who(ref, DecisionType.RELEASE).owner();
      Store s = store.open(catalog.get(0));
      List<ReleaseRecord> history = s.releases(ref.toString());
      return ReleaseCheckJson.check(ReleaseGate.check(ref, version, history, owner));
    }
  }
}

