package dev.whodecides.guarantees.jdbc;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Functions a contract's sql rule may not call, on any engine: they touch the server's files, reach
 * other databases or the network, run SQL handed to them as text, sleep, change settings or
 * sequences, take locks, or signal other sessions. A read-only transaction stops none of them
 * reliably (file functions and {@code dblink} ignore it), so they are refused before the rule is sent.
 */
final class RiskyFunctions {

  private RiskyFunctions() {}

  private record Family(String why, List<String> names, List<String> prefixes) {}

  private static final List<Family> FAMILIES = List.of(
      new Family("reads, lists or writes files on the database server",
          List.of("pg_stat_file", "pg_current_logfile", "lo_import", "lo_export", "glob", "sniff_csv", "parquet_scan",
              "getenv", "st_read", "load_aws_credentials"),
          List.of("pg_read_", "pg_ls_", "pg_file_", "pg_logdir_", "read_", "parquet_", "duckdb_secret")),
      new Family("writes large objects",
          List.of("lowrite", "loread"),
          List.of("lo_")),
      new Family("reaches another database or the network",
          List.of("http_get", "http_post"),
          List.of("dblink", "postgres_", "sqlite_", "mysql_", "iceberg_", "delta_", "httpfs_")),
      new Family("runs SQL given to it as text, which whodecides cannot check",
          List.of("query", "query_table", "query_to_xml", "query_to_xmlschema", "query_to_xml_and_xmlschema",
              "cursor_to_xml", "cursor_to_xmlschema", "ts_stat", "json_execute_serialized_sql"),
          List.of()),
      new Family("sleeps, holding the connection while measuring nothing",
          List.of(),
          List.of("pg_sleep")),
      new Family("changes the server's or the session's settings",
          List.of("set_config", "pg_reload_conf", "pg_rotate_logfile", "pg_promote", "pg_switch_wal",
              "pg_create_restore_point", "pg_backup_start", "pg_backup_stop", "pg_start_backup", "pg_stop_backup",
              "pg_wal_replay_pause", "pg_wal_replay_resume", "pg_import_system_collations", "pg_prewarm",
              "pg_log_backend_memory_contexts", "pg_logical_emit_message", "checkpoint", "force_checkpoint"),
          List.of("pg_stat_reset", "pg_replication_origin_", "pg_create_", "pg_drop_replication_slot", "pg_copy_",
              "pg_replication_slot_", "pg_logical_slot_")),
      new Family("changes a sequence",
          List.of("nextval", "setval"),
          List.of()),
      new Family("takes or signals locks",
          List.of("pg_notify"),
          List.of("pg_advisory_", "pg_try_advisory_")),
      new Family("stops or signals other sessions",
          List.of("pg_terminate_backend", "pg_cancel_backend", "pg_signal_backend"),
          List.of()));

  /** Why {@code name} (a function name, possibly schema-qualified or quoted) is refused, if it is. */
  static Optional<String> why(String name) {
    String n = bare(name);
    for (Family f : FAMILIES) {
      if (f.names().contains(n) || f.prefixes().stream().anyMatch(n::startsWith)) {
        return Optional.of(f.why());
      }
    }
    return Optional.empty();
  }

  /** {@code pg_catalog."PG_READ_FILE"} and {@code pg_read_file} are the same function to the guard. */
  static String bare(String name) {
    String last = name;
    int dot = lastDotOutsideQuotes(name);
    if (dot >= 0) {
      last = name.substring(dot + 1);
    }
    last = last.strip();
    if (last.length() >= 2 && last.startsWith("\"") && last.endsWith("\"")) {
      last = last.substring(1, last.length() - 1).replace("\"\"", "\"");
    }
    return last.toLowerCase(Locale.ROOT);
  }

  private static int lastDotOutsideQuotes(String s) {
    boolean quoted = false;
    int last = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '.' && !quoted) {
        last = i;
      }
    }
    return last;
  }
}
