package dev.whodecides.mcp;

import dev.whodecides.decisions.Authority;
import dev.whodecides.evidence.EvidenceIndex;
import dev.whodecides.knowledge.Knowledge;
import dev.whodecides.report.AuthorityJson;
import dev.whodecides.report.EvidenceJson;
import dev.whodecides.report.ExplainJson;
import dev.whodecides.report.Json;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The tools {@code whodecides mcp} offers and their handlers. Each answer is the JSON the matching
 * command prints with {@code --format json}, written by the same report code: as structured content,
 * and as text for clients that read only text. A question that cannot be answered as asked (an unknown
 * entity, a word that is no decision type) is a tool error whose text says what to change.
 */
public final class Tools {

  /** The names agents call; a contract. */
  public static final String WHO_DECIDES = "who_decides";
  public static final String MAY_DECIDE = "may_decide";
  public static final String GAPS = "gaps";
  public static final String EXPLAIN = "explain";
  public static final String SEARCH_EVIDENCE = "search_evidence";

  private static final int MAX_LIMIT = 1000;

  private final Authority authority;
  private final Knowledge knowledge;
  private final EvidenceIndex evidence;
  private final McpJsonMapper mapper = StdioServer.mapper();
  private final Consumer<RuntimeException> bugs;

  /**
   * Tools answering from {@code authority}; {@code evidence} is null when no archive was given, and then
   * {@code search_evidence} says how to give one. {@code bugs} hears of every failure that is a bug in whodecides.
   */
  public Tools(Authority authority, Knowledge knowledge, EvidenceIndex evidence, Consumer<RuntimeException> bugs) {
    this.authority = authority;
    this.knowledge = knowledge;
    this.evidence = evidence;
    this.bugs = bugs;
  }

  /** Every tool with its handler, in the order {@code tools/list} gives them. */
  public List<SyncToolSpecification> specifications() {
    String scope = "The entity as [kind:][namespace/]name: a Component, API, Resource, System, Domain or Group,"
        + " e.g. component:assortment-optimizer (without a kind, the name is tried as each of those in turn;"
        + " the namespace defaults to default)";
    return List.of(
        spec(tool(WHO_DECIDES, "Who decides",
            "Who holds each decision type (or one) on an entity: the effective owner, the scope it is inherited"
                + " from, whether it is explicitly unowned, and the other owners claimed when two Decisions"
                + " conflict. Same JSON as `whodecides who --format json`.",
            input(Map.of("scope", text(scope), "decision", decision("Only this decision type.")), "scope"),
            AuthorityJson.WhoJson.class), this::whoDecides),
        spec(tool(MAY_DECIDE, "May this person decide",
            "Whether one person holds one decision on one entity (allowed true or false) and why, in one"
                + " sentence. Same JSON as `whodecides may --format json`.",
            input(Map.of("user", text("The person, e.g. user:lena.vogel."), "decision",
                decision("The decision type."), "scope", text(scope)), "user", "decision", "scope"),
            AuthorityJson.MayJson.class), this::mayDecide),
        spec(tool(GAPS, "Decisions nobody owns",
            "The decisions products need an owner for and nobody holds (the gaps whodecides lint reports):"
                + " for each, the entity, the decision type, the role that would normally own it, and whether"
                + " a Decision names nobody or none covers it. With a scope, only that entity and what lies"
                + " under it (a System's components, a Domain's systems, a Group's products).",
            input(Map.of("scope", text("Only this entity and what lies under it. " + scope))),
            AuthorityJson.GapsJson.class), this::gaps),
        spec(tool(EXPLAIN, "Explain a rule, role or decision type",
            "The card of a rule (e.g. no-ship-authority), a role (e.g. product-owner) or a decision type (e.g."
                + " release), with the podcast claims and citations behind it. Same JSON as"
                + " `whodecides explain ID --format json`.",
            input(Map.of("id", text("A rule id, role id or decision type id.")), "id"),
            ExplainJson.CardJson.class), this::explain),
        spec(tool(SEARCH_EVIDENCE, "Search the podcast evidence",
            "The passages of the podcast archive that best answer a question, with links to the second."
                + " Same JSON as `whodecides evidence QUERY --format json`.",
            input(Map.of("query", text("What to look for, in plain words."), "limit", Map.of("type", "integer",
                "minimum", 1, "maximum", MAX_LIMIT, "default", 5, "description", "How many passages (default 5).")),
                "query"),
            EvidenceJson.HitsJson.class), this::searchEvidence));
  }

  /** {@code who_decides}: scope, and optionally decision. */
  public CallToolResult whoDecides(Map<String, Object> args) {
    return answer(() -> {
      EntityRef ref = authority.scope(string(args, "scope"));
      return AuthorityJson.who(ref, authority.holdings(ref, string(args, "decision")));
    });
  }

  /** {@code may_decide}: user, decision and scope. */
  public CallToolResult mayDecide(Map<String, Object> args) {
    return answer(() -> AuthorityJson.may(authority.may(authority.user(string(args, "user")),
        Authority.decisionType(string(args, "decision")), authority.scope(string(args, "scope")))));
  }

  /** {@code gaps}: optionally a scope. */
  public CallToolResult gaps(Map<String, Object> args) {
    return answer(() -> {
      String scope = string(args, "scope");
      EntityRef ref = scope == null ? null : authority.scope(scope);
      return AuthorityJson.gaps(ref, authority.gaps(ref));
    });
  }

  /** {@code explain}: id. */
  public CallToolResult explain(Map<String, Object> args) {
    return answer(() -> {
      String id = string(args, "id");
      if (id == null) {
        throw new Refusal("name the rule, role or decision type to explain, e.g. no-ship-authority");
      }
      return ExplainJson.card(id, knowledge).orElseThrow(() -> new Refusal(ExplainJson.unknown(id)));
    });
  }

  /** {@code search_evidence}: query, and optionally limit. */
  public CallToolResult searchEvidence(Map<String, Object> args) {
    return answer(() -> {
      if (evidence == null) {
        throw new Refusal("this server has no podcast archive to search; start it with --archive DIR, the folder"
            + " of episode files");
      }
      String query = string(args, "query");
      if (query == null) {
        throw new Refusal("give a query, e.g. who decides a model is good enough to ship");
      }
      Object limit = args.get("limit");
      int n = limit == null ? 5
          : limit instanceof Number num && num.doubleValue() == num.intValue() ? num.intValue() : -1;
      if (n < 1 || n > MAX_LIMIT) {
        throw new Refusal("limit must be a whole number between 1 and " + MAX_LIMIT + ", not " + limit);
      }
      return EvidenceJson.hits(evidence.search(query, n, null));
    });
  }

  /** A question asked in a way that cannot be answered; its message says what to change. */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refusal(String message) {
      super(message);
    }
  }

  private CallToolResult answer(Supplier<Object> question) {
    Object value;
    try {
      value = question.get();
    } catch (Authority.BadQuery | Refusal e) {
      return CallToolResult.builder().isError(true).addTextContent(e.getMessage()).build();
    } catch (RuntimeException e) {
      bugs.accept(e);
      return CallToolResult.builder().isError(true).addTextContent("internal error (" + e
          + "); this is a bug in whodecides, please report it with the question asked").build();
    }
    String json = Json.write(value);
    return CallToolResult.builder().structuredContent(mapper, json).addTextContent(json).build();
  }

  private static String string(Map<String, Object> args, String name) {
    Object v = args.get(name);
    return v == null || v.toString().isBlank() ? null : v.toString().strip();
  }

  private static SyncToolSpecification spec(Tool tool, Function<Map<String, Object>, CallToolResult> handler) {
    return SyncToolSpecification.builder().tool(tool)
        .callHandler((exchange, request) -> handler.apply(arguments(request))).build();
  }

  private static Map<String, Object> arguments(CallToolRequest request) {
    return request.arguments() == null ? Map.of() : request.arguments();
  }

  private static Tool tool(String name, String title, String description, Map<String, Object> input,
      Class<?> output) {
    return Tool.builder().name(name).title(title).description(description).inputSchema(input)
        .outputSchema(OutputSchema.of(output))
        .annotations(ToolAnnotations.builder().title(title).readOnlyHint(true).destructiveHint(false)
            .idempotentHint(true).openWorldHint(false).build())
        .build();
  }

  private static Map<String, Object> input(Map<String, Object> properties, String... required) {
    // Map.of has no order; the schema lists the properties as the tool's signature reads.
    Map<String, Object> ordered = new LinkedHashMap<>();
    for (String r : required) {
      ordered.put(r, properties.get(r));
    }
    properties.keySet().stream().sorted().forEach(k -> ordered.putIfAbsent(k, properties.get(k)));
    return Map.of("type", "object", "properties", ordered, "required", List.of(required),
        "additionalProperties", false);
  }

  private static Map<String, Object> text(String description) {
    return Map.of("type", "string", "description", description);
  }

  private static Map<String, Object> decision(String description) {
    return Map.of("type", "string", "description", description + " One of the decision types.",
        "enum", Arrays.stream(DecisionType.values()).map(DecisionType::id).toList());
  }
}
