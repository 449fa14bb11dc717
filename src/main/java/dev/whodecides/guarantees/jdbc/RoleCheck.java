package dev.whodecides.guarantees.jdbc;

import dev.whodecides.guarantees.ContractResult;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@code verify --check-role}: whether the PostgreSQL role verify connects as could do more than
 * read tables. A superuser, or a member of the roles that read or write server files or run
 * programs, turns any gap in the guard in front of a contract's SQL into access to the server.
 */
public final class RoleCheck {

  private RoleCheck() {}

  private static final String QUERY = """
      SELECT current_user, r.rolsuper,
        (SELECT string_agg(g.rolname, ', ' ORDER BY g.rolname) FROM pg_roles g
          WHERE g.rolname IN ('pg_read_server_files', 'pg_write_server_files', 'pg_execute_server_program')
            AND pg_has_role(current_user, g.oid, 'MEMBER'))
      FROM pg_roles r WHERE r.rolname = current_user""";

  /** The connecting role and, when it has more power than reading needs, the warning to show. */
  public static ContractResult.RoleCheck of(Connection c) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(QUERY)) {
      if (!rs.next()) {
        return new ContractResult.RoleCheck(null, "the connecting role is not in pg_roles, so its powers are unknown");
      }
      String role = rs.getString(1);
      String fix = "; a contract's SQL then runs with that power, so verify as a role without superuser that may only"
          + " SELECT the contract's tables";
      if (rs.getBoolean(2)) {
        return new ContractResult.RoleCheck(role, "role " + role + " is a superuser" + fix);
      }
      String members = rs.getString(3);
      if (members != null) {
        return new ContractResult.RoleCheck(role, "role " + role + " is a member of " + members
            + ", which reach the server's files or programs" + fix);
      }
      return new ContractResult.RoleCheck(role, null);
    }
  }
}
