package dev.whodecides.cli;

import dev.whodecides.guarantees.Check;
import dev.whodecides.guarantees.CheckResult;
import dev.whodecides.guarantees.Contract;
import dev.whodecides.guarantees.ContractError;
import dev.whodecides.guarantees.ContractReader;
import dev.whodecides.guarantees.ContractResult;
import dev.whodecides.guarantees.Planner;
import dev.whodecides.guarantees.VerifyReport;
import dev.whodecides.guarantees.VerifyReportReader;
import dev.whodecides.guarantees.jdbc.Connections;
import dev.whodecides.guarantees.jdbc.Dialect;
import dev.whodecides.guarantees.jdbc.RoleCheck;
import dev.whodecides.guarantees.jdbc.Verifier;
import dev.whodecides.store.Store;
import dev.whodecides.store.Verification;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code whodecides verify}: checks ODCS contracts against the data they describe. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Check Open Data Contract Standard contracts against the real data (PostgreSQL, Trino, DuckDB,"
        + " local CSV/Parquet/JSON files, or any JDBC URL).",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:every check passed, or failed only as a warning (a rule of severity warning or info)",
      "1:a check failed or could not be run",
      "2:bad usage or an unreadable contract"},
    footer = {"", "Credentials come from WHODECIDES_<SERVER>_USERNAME and WHODECIDES_<SERVER>_PASSWORD, or the JDBC URL."})
final class VerifyCommand implements Callable<Integer> {

  enum Format { text, json, junit }

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "CONTRACT", description = "ODCS contract files (v3.0.x or v3.1.0).")
  List<Path> contracts;

  @Option(names = "--server", paramLabel = "NAME", description = "The contract's server to check (default: the first).")
  String server;

  @Option(names = "--jdbc-url", paramLabel = "URL",
      description = "Connect here instead of the contract's server: PostgreSQL, DuckDB and Trino URLs in their own"
          + " SQL dialect, any other JDBC engine in ANSI SQL.")
  String jdbcUrl;

  @Option(names = "--format", defaultValue = "text", description = "text, json or junit (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the report here instead of standard output.")
  Path output;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
      description = "Statement timeout of each query (default: ${DEFAULT-VALUE}).")
  int timeout;

  @Option(names = "--check-role",
      description = "Warn (standard error and the report) when the PostgreSQL role is a superuser or may read or write"
          + " the server's files or run programs; verify should run as a role that may only read.")
  boolean checkRole;

  @Option(names = "--record", description = "Keep the results in the store, one row per contract.")
  boolean record;

  @Mixin StoreOptions store;

  private boolean debug() {
    return spec.commandLine().getParent() != null
        && spec.commandLine().getParent().getParseResult().hasMatchedOption("--debug");
  }

  /** The environment credentials are read from; tests replace it. */
  Map<String, String> env = System.getenv();

  @Override
  public Integer call() {
    // Contracts found valid before are not validated again; the schema compiles in the background
    // while the contracts are read, when one of them is new.
    ContractReader.prepare(CacheDir.root(null).resolve("valid-contracts"), contracts);
    long t0 = System.nanoTime();
    PrintWriter err = spec.commandLine().getErr();
    if (timeout <= 0) {
      throw new UserError("--timeout must be a positive number of seconds, not " + timeout);
    }
    if (store.db != null && !record) {
      throw new UserError("--db says where --record keeps the results; add --record, or leave --db out");
    }
    List<Contract> read = new ArrayList<>();
    List<List<Check>> plans = new ArrayList<>();
    boolean bad = false;
    for (Path p : contracts) {
      if (!Files.isRegularFile(p)) {
        err.println("whodecides: " + p + ": no such contract file");
        bad = true;
        continue;
      }
      try {
        Contract c = ContractReader.read(p, p.toString());
        List<String> notices = new ArrayList<>(c.notices());
        plans.add(Planner.plan(c, jdbcUrl != null ? null : c.server(server).orElse(null), notices));
        notices.forEach(n -> err.println("notice: " + n));
        read.add(c);
      } catch (ContractError e) {
        err.println("whodecides: " + (e.getMessage().startsWith(p.toString()) ? "" : p + ": ") + e.getMessage());
        bad = true;
      }
    }
    if (bad) {
      err.flush();
      return Main.USAGE;
    }
    long t1 = System.nanoTime();
    long connecting = 0;
    // Opened before verifying, so that a wrong --db stops the run before any query is sent.
    Store records = record ? store.open(contracts.get(0)) : null;
    Progress progress = new Progress(err, Output.terminal(),
        plans.stream().mapToInt(pl -> (int) pl.stream().map(Check::table).distinct().count()).sum());
    List<ContractResult> results = new ArrayList<>();
    for (int i = 0; i < read.size(); i++) {
      Contract c = read.get(i);
      List<Check> checks = plans.get(i);
      Contract.Server s = c.server(server).orElse(null);
      if (s == null && server != null && jdbcUrl == null) {
        throw new UserError(c.file() + ": the contract has no server named '" + server + "'; its servers are "
            + c.servers().stream().map(Contract.Server::name).toList());
      }
      String name = server != null ? server : s != null && s.name() != null ? s.name() : "jdbc";
      long opening = System.nanoTime();
      try (Connections.Opened db = Connections.open(c, s, name, jdbcUrl, env)) {
        connecting += System.nanoTime() - opening;
        ContractResult.RoleCheck role = checkRole ? role(c, name, db, err) : null;
        Verifier v = new Verifier(db, timeout);
        ContractResult r = v.verify(c, name, checks, progress::table).withRole(role);
        if (r.fatal() != null) {
          err.println("whodecides: " + c.file() + ": " + r.fatal());
        }
        results.add(r);
      } catch (Connections.ServerError e) {
        throw new UserError(e.getMessage());
      } catch (SQLException e) {
        String why = "cannot connect to server " + name + ": " + oneLine(e.getMessage());
        err.println("whodecides: " + c.file() + ": " + why);
        List<CheckResult> errors = checks.stream().map(ch -> CheckResult.error(ch, why)).toList();
        results.add(new ContractResult(c.id(), c.file(), name, errors, Map.of(), why));
      }
    }
    progress.done();
    long t2 = System.nanoTime();
    String report = switch (format) {
      case text -> VerifyReport.text(results);
      case json -> VerifyReport.json(results);
      case junit -> VerifyReport.junit(results);
    };
    Output.write(report, output, spec.commandLine().getOut());
    if (records != null) {
      List<Verification> rows = Verification.rows(VerifyReportReader.read(VerifyReport.json(results)), Instant.now());
      List<Verification> stored = store.write(() -> records.recordVerifications(rows));
      err.println("whodecides: recorded the results of " + stored.size() + (stored.size() == 1 ? " contract" : " contracts")
          + " in " + StoreOptions.where(records));
      err.flush();
    }
    if (debug()) {
      long uptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
      err.printf("timing: start-up %d ms, read and check contracts %d ms, connect %d ms, checks %d ms, report %d ms%n",
          uptime - (System.nanoTime() - t0) / 1_000_000,
          (t1 - t0) / 1_000_000, connecting / 1_000_000, (t2 - t1 - connecting) / 1_000_000,
          (System.nanoTime() - t2) / 1_000_000);
      err.flush();
    }
    // A warning (a failed rule of severity warning or info) is reported but does not fail the run.
    boolean kept = results.stream().allMatch(r -> r.checks().stream()
        .allMatch(ch -> ch.result() == CheckResult.Outcome.PASSED || ch.result() == CheckResult.Outcome.WARNING));
    return kept ? 0 : 1;
  }

  /** Checks the connecting role before any of the contract's SQL runs; warns on standard error. */
  private static ContractResult.RoleCheck role(Contract c, String server, Connections.Opened db, PrintWriter err) {
    if (db.dialect() != Dialect.POSTGRES) {
      err.println("whodecides: " + c.file() + ": --check-role checks PostgreSQL roles; server " + server
          + " is not PostgreSQL, so there is no role to check");
      err.flush();
      return null;
    }
    ContractResult.RoleCheck role;
    try {
      role = RoleCheck.of(db.connection());
    } catch (SQLException e) {
      role = new ContractResult.RoleCheck(null, "could not read the connecting role's powers: " + oneLine(e.getMessage()));
    }
    if (role.warning() != null) {
      err.println("whodecides: warning: " + c.file() + ": server " + server + ": " + role.warning());
      err.flush();
    }
    return role;
  }

  private static String oneLine(String s) {
    return s == null ? "" : String.join(" ", s.strip().split("\\s*\\R\\s*"));
  }

  /** A progress bar over the tables of all contracts, drawn on standard error, only on a terminal. */
  private static final class Progress {
    private final PrintWriter err;
    private final boolean on;
    private final int total;
    private int done;

    Progress(PrintWriter err, boolean on, int total) {
      this.err = err;
      this.on = on && total > 0;
      this.total = total;
    }

    void table(String name) {
      if (!on) {
        return;
      }
      int width = 30;
      int filled = width * done / total;
      err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total + " tables, now "
          + (name.length() > 30 ? name.substring(0, 30) : name) + "   ");
      err.flush();
      done++;
    }

    void done() {
      if (on) {
        err.print("\r" + " ".repeat(80) + "\r");
        err.flush();
      }
    }
  }
}
