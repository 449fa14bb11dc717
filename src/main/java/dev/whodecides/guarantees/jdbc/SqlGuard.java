package dev.whodecides.guarantees.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.delete.ParenthesedDelete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.ParenthesedInsert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.ParenthesedUpdate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;
import net.sf.jsqlparser.util.TablesNamesFinder;
import org.postgresql.PGConnection;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Parser;
import org.postgresql.core.SqlCommandType;
import org.postgresql.jdbc.PreferQueryMode;

/**
 * Decides whether a contract's {@code sql} rule may be sent to an engine. A contract is another
 * team's input, so its SQL is untrusted: only exactly one read-only query passes, a {@code SELECT}
 * or {@code WITH ... SELECT} without {@code INTO}, row locks, data-modifying {@code WITH} parts,
 * file names in place of tables, or calls to {@link RiskyFunctions}. Everything else is refused
 * with a reason and never sent.
 */
public final class SqlGuard {

  private SqlGuard() {}

  /** A word directly followed by an opening parenthesis: how any engine spells a call. */
  private static final Pattern CALL = Pattern.compile("(?<![A-Za-z0-9_$\"])\"?([A-Za-z_][A-Za-z0-9_$]*)\"?\\s*\\(");
  private static final Pattern TOKEN = Pattern.compile("Encountered: <[^>]*> / \"(.{1,40}?)\", at line (\\d+), column (\\d+)");
  private static final Pattern AT = Pattern.compile("line (\\d+), column (\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Why {@code sql} (placeholders already replaced) may not be sent, or empty when it is one read-only query. */
  public static Optional<String> refusal(String sql) {
    Statements parsed;
    try {
      parsed = CCJSqlParserUtil.parseStatements(sql);
    } catch (JSQLParserException e) {
      return Optional.of("it is not one SQL query that whodecides can read" + where(e));
    }
    if (parsed.size() != 1) {
      return Optional.of(parsed.isEmpty() ? "it holds no SQL statement"
          : "it holds " + parsed.size() + " statements; a rule is exactly one SELECT");
    }
    Statement statement = parsed.get(0);
    if (!(statement instanceof PlainSelect || statement instanceof SetOperationList
        || statement instanceof ParenthesedSelect)) {
      return Optional.of("it is " + article(keyword(statement)) + " statement; a rule must be a SELECT or WITH ... SELECT");
    }
    Inspector inspector = new Inspector();
    try {
      inspector.getTables(statement);
    } catch (RuntimeException e) {
      // a construct the walker does not know: better refused than sent unchecked
      return Optional.of("whodecides cannot check every part of it (" + statement.getClass().getSimpleName()
          + "); write it as a plainer SELECT");
    }
    if (inspector.problem != null) {
      return Optional.of(inspector.problem);
    }
    // A second look at the raw text catches a call the tree walk might not reach, even in a comment.
    Matcher m = CALL.matcher(sql);
    while (m.find()) {
      Optional<String> why = RiskyFunctions.why(m.group(1));
      if (why.isPresent()) {
        return Optional.of("it calls " + RiskyFunctions.bare(m.group(1)) + ", which " + why.get());
      }
    }
    return Optional.empty();
  }

  /**
   * Why the engine's own parser disagrees with {@link #refusal}: where two parsers read the same
   * text differently (an escape string, a dollar quote) the text could hide a second statement.
   * PostgreSQL: the driver must see one SELECT and send it in the extended protocol, whose Parse
   * step refuses a second command. DuckDB: its {@code json_serialize_sql} must find one SELECT.
   */
  public static Optional<String> engineRefusal(Connection conn, Dialect dialect, String sql) throws SQLException {
    switch (dialect) {
      case POSTGRES -> {
        if (!conn.isWrapperFor(BaseConnection.class)) {
          return Optional.empty();
        }
        PreferQueryMode mode = conn.unwrap(PGConnection.class).getPreferQueryMode();
        if (mode == PreferQueryMode.SIMPLE || mode == PreferQueryMode.EXTENDED_FOR_PREPARED) {
          return Optional.of("the connection uses preferQueryMode=" + mode.value() + ", which would let PostgreSQL run"
              + " a second statement; remove preferQueryMode from the JDBC URL");
        }
        boolean standard = conn.unwrap(BaseConnection.class).getStandardConformingStrings();
        List<NativeQuery> queries = Parser.parseJdbcSql(sql, standard, false, true, false, false);
        if (queries.size() != 1) {
          return Optional.of("PostgreSQL reads it as more than one statement; a rule is exactly one SELECT");
        }
        SqlCommandType type = queries.get(0).command.getType();
        if (type != SqlCommandType.SELECT && type != SqlCommandType.WITH) {
          return Optional.of("PostgreSQL reads it as " + type + ", not a SELECT");
        }
        return Optional.empty();
      }
      case DUCKDB -> {
        String json;
        try (PreparedStatement ps = conn.prepareStatement("SELECT CAST(json_serialize_sql(?) AS VARCHAR)")) {
          ps.setString(1, sql);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            json = rs.getString(1);
          }
        }
        JsonNode root;
        try {
          root = JSON.readTree(json);
        } catch (IOException e) {
          return Optional.of("DuckDB's parser gave no answer whodecides can read");
        }
        if (root.path("error").asBoolean(true)) {
          return Optional.of("DuckDB's own parser does not read it as one SELECT");
        }
        int n = root.path("statements").size();
        return n == 1 ? Optional.empty()
            : Optional.of("DuckDB reads it as more than one statement; a rule is exactly one SELECT");
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private static String where(JSQLParserException e) {
    Throwable t = e.getCause() != null ? e.getCause() : e;
    String message = String.valueOf(t.getMessage());
    Matcher token = TOKEN.matcher(message);
    if (token.find()) {
      return " (it stops at '" + token.group(1) + "', line " + token.group(2) + ", column " + token.group(3) + ")";
    }
    Matcher m = AT.matcher(message);
    return m.find() ? " (it stops at line " + m.group(1) + ", column " + m.group(2) + ")" : "";
  }

  private static String keyword(Statement s) {
    if (s instanceof Insert) {
      return "INSERT";
    }
    if (s instanceof Update) {
      return "UPDATE";
    }
    if (s instanceof Delete) {
      return "DELETE";
    }
    if (s instanceof Merge) {
      return "MERGE";
    }
    if (s instanceof Upsert) {
      return "UPSERT";
    }
    String text = s.toString().strip();
    int space = text.indexOf(' ');
    return (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
  }

  private static String article(String word) {
    return ("AEIOU".indexOf(word.isEmpty() ? 'X' : word.charAt(0)) >= 0 ? "an " : "a ") + word;
  }

  /** Walks every part of the statement, keeping the first reason to refuse it. */
  private static final class Inspector extends TablesNamesFinder<Void> {
    String problem;

    private void refuse(String why) {
      if (problem == null) {
        problem = why;
      }
    }

    private void select(Select s) {
      if (s.getForMode() != null || s.getForUpdateTable() != null) {
        refuse("it locks rows (FOR " + (s.getForMode() == null ? "UPDATE" : s.getForMode().getValue())
            + "), which a check never needs");
      }
    }

    private void function(String name) {
      if (name != null) {
        RiskyFunctions.why(name).ifPresent(why -> refuse("it calls " + RiskyFunctions.bare(name) + ", which " + why));
      }
    }

    @Override
    public <S> Void visit(PlainSelect s, S context) {
      if ((s.getIntoTables() != null && !s.getIntoTables().isEmpty()) || s.getIntoTempTable() != null
          || s.getMySqlSelectIntoClause() != null) {
        refuse("it is a SELECT ... INTO, which writes a table or a file");
      }
      select(s);
      return super.visit(s, context);
    }

    @Override
    public <S> Void visit(SetOperationList s, S context) {
      select(s);
      return super.visit(s, context);
    }

    @Override
    public <S> Void visit(ParenthesedSelect s, S context) {
      select(s);
      return super.visit(s, context);
    }

    @Override
    public <S> Void visit(WithItem<?> w, S context) {
      Object part = w.getParenthesedStatement();
      if (part instanceof ParenthesedInsert || part instanceof ParenthesedUpdate || part instanceof ParenthesedDelete) {
        refuse("its WITH part " + w.getAliasName() + " changes data (" + (part instanceof ParenthesedInsert ? "INSERT"
            : part instanceof ParenthesedUpdate ? "UPDATE" : "DELETE") + ")");
      }
      return super.visit(w, context);
    }

    @Override
    public <S> Void visit(Insert i, S context) {
      refuse("it contains an INSERT");
      return null;
    }

    @Override
    public <S> Void visit(ParenthesedInsert i, S context) {
      refuse("it contains an INSERT");
      return null;
    }

    @Override
    public <S> Void visit(Update u, S context) {
      refuse("it contains an UPDATE");
      return null;
    }

    @Override
    public <S> Void visit(ParenthesedUpdate u, S context) {
      refuse("it contains an UPDATE");
      return null;
    }

    @Override
    public <S> Void visit(Delete d, S context) {
      refuse("it contains a DELETE");
      return null;
    }

    @Override
    public <S> Void visit(ParenthesedDelete d, S context) {
      refuse("it contains a DELETE");
      return null;
    }

    @Override
    public <S> Void visit(Merge m, S context) {
      refuse("it contains a MERGE");
      return null;
    }

    @Override
    public <S> Void visit(Upsert u, S context) {
      refuse("it contains an UPSERT");
      return null;
    }

    @Override
    public <S> Void visit(Function f, S context) {
      function(f.getName());
      return super.visit(f, context);
    }

    @Override
    public <S> Void visit(AnalyticExpression f, S context) {
      function(f.getName());
      return super.visit(f, context);
    }

    @Override
    public <S> Void visit(TableFunction f, S context) {
      if (f.getFunction() != null) {
        function(f.getFunction().getName());
      }
      return super.visit(f, context);
    }

    @Override
    public <S> Void visit(StringValue v, S context) {
      if (v.getPrefix() != null && v.getPrefix().equalsIgnoreCase("E")) {
        // E'\'' ends where PostgreSQL and DuckDB say, not where a standard SQL parser does
        refuse("it uses an E'...' escape string, which engines and parsers read differently; write the text"
            + " without backslash escapes");
      }
      return super.visit(v, context);
    }

    @Override
    public <S> Void visit(Table t, S context) {
      for (String part : t.getNameParts()) {
        if (part != null && (part.startsWith("'") || part.contains("/") || part.contains("\\"))) {
          refuse("it reads a file by name (" + t.getFullyQualifiedName() + ") where a table belongs");
        }
      }
      return super.visit(t, context);
    }
  }
}
