package dev.whodecides.cli;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.decisions.Ownership;
import dev.whodecides.notify.Outbox;
import dev.whodecides.notify.Webhook;
import dev.whodecides.release.Refusal;
import dev.whodecides.release.ReleaseInput;
import dev.whodecides.release.ReleasePolicy;
import dev.whodecides.release.ReleaseRecord;
import dev.whodecides.release.ReleaseRequest;
import dev.whodecides.store.Store;
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
    subcommands = {ReleaseCommand.RecordCall.class})
final class ReleaseCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: record");
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
}
