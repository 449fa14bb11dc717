package dev.whodecides.cli;

import dev.whodecides.assess.Answer;
import dev.whodecides.assess.Question;
import dev.whodecides.assess.Questionnaire;
import dev.whodecides.catalog.EntitySchema;
import dev.whodecides.catalog.YamlDocument;
import dev.whodecides.catalog.YamlReader;
import dev.whodecides.knowledge.Citation;
import dev.whodecides.knowledge.Knowledge;
import dev.whodecides.report.Json;
import dev.whodecides.rules.StaleDecision;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code whodecides assess}: a questionnaire for a team without a catalog, naming the roles it lacks. */
@Command(name = "assess", mixinStandardHelpOptions = true,
    description = "Ask which decisions your team has an owner for, print the roles it is missing with the evidence,"
        + " and optionally write a starter catalog.")
final class AssessCommand implements Callable<Integer> {

  enum Format { text, json }

  /** Where interactive answers come from; tests replace it. */
  static Supplier<InputStream> input = () -> System.in;

  @Spec CommandSpec spec;

  @Option(names = "--answers", paramLabel = "FILE",
      description = "A YAML or JSON map of question id to yes, no or unsure, instead of asking (ids: see --list).")
  Path answersFile;

  @Option(names = "--write", paramLabel = "DIR",
      description = "Write a starter catalog (the team and its Decisions, owners left to fill in) to DIR/whodecides.yaml.")
  Path writeDir;

  @Option(names = "--today", paramLabel = "DATE",
      description = "The day the starter catalog is written, YYYY-MM-DD (default: today); each Decision's reviewBy is"
          + " six months later.")
  String today;


  @Option(names = "--team", paramLabel = "NAME", defaultValue = "my-team",
      description = "The team's catalog name in the starter catalog (default: ${DEFAULT-VALUE}).")
  String team;

  @Option(names = "--list", description = "Print the question ids and questions, then stop.")
  boolean list;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (list) {
      for (Question q : Questionnaire.QUESTIONS) {
        out.printf("%-18s %s%n", q.id(), q.text());
      }
      out.flush();
      return 0;
    }
    if (!EntitySchema.checkMetadata(Map.of("name", team)).isEmpty()) {
      throw new UserError("--team '" + team + "' is not a valid catalog name; use letters and digits separated by -, _ or .");
    }
    Path target = writeDir == null ? null : writeDir.resolve("whodecides.yaml");
    if (target != null && Files.exists(target)) {
      throw new UserError(target + " already exists; choose another --write directory or move the file away");
    }
    Map<String, Answer> answers = answersFile != null ? readAnswers(answersFile) : ask(out);
    Knowledge knowledge = Knowledge.builtIn();
    List<Questionnaire.Gap> gaps = Questionnaire.gaps(answers);
    if (format == Format.json) {
      List<Map<String, Object>> missing = new ArrayList<>();
      for (Questionnaire.Gap g : gaps) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", g.role().id());
        m.put("decisions", g.questions().stream().map(q -> q.type().id()).distinct().toList());
        m.put("why", g.questions().stream().map(q -> q.id() + ": " + q.gap()).toList());
        m.put("evidence", evidence(knowledge, g).stream().map(Json::citation).toList());
        missing.add(m);
      }
      Map<String, Object> answered = new LinkedHashMap<>();
      answers.forEach((k, v) -> answered.put(k, v.id()));
      Map<String, Object> root = new LinkedHashMap<>();
      root.put("answers", answered);
      root.put("missingRoles", missing);
      out.print(Json.write(root));
    } else {
      if (gaps.isEmpty()) {
        out.println("Every decision asked about has an owner. Write them down (--write DIR) and run whodecides lint.");
      } else {
        out.println("Roles your team is missing:");
        for (Questionnaire.Gap g : gaps) {
          out.println();
          out.println(g.role().id() + knowledge.role(g.role().id()).map(c -> ": " + c.summary()).orElse(""));
          for (Question q : g.questions()) {
            out.println("  - " + q.type().id() + ": " + q.gap() + " (you answered " + answers.get(q.id()).id() + " to '"
                + q.id() + "')");
          }
          for (Citation c : evidence(knowledge, g)) {
            out.println("  evidence: " + c.label() + "  " + c.url());
          }
        }
        out.println();
        out.println("Run 'whodecides explain <role>' for what each role decides.");
      }
    }
    if (target != null) {
      try {
        Files.createDirectories(writeDir);
        Files.writeString(target, Questionnaire.starterCatalog(team, answers,
            Today.of(today).plusMonths(StaleDecision.REVIEW_MONTHS)));
      } catch (IOException e) {
        throw new UserError("cannot write " + target + " (" + e.getMessage() + ")");
      }
      spec.commandLine().getErr().println("wrote " + target + ": fill in the owners, then run whodecides lint " + writeDir);
    }
    out.flush();
    return 0;
  }

  private static List<Citation> evidence(Knowledge knowledge, Questionnaire.Gap g) {
    LinkedHashSet<Citation> out = new LinkedHashSet<>();
    for (Question q : g.questions()) {
      knowledge.decisionType(q.type().id()).ifPresent(card -> {
        for (Knowledge.Claim claim : knowledge.claims(card.claims())) {
          out.addAll(knowledge.citations(claim));
        }
      });
    }
    return List.copyOf(out).subList(0, Math.min(4, out.size()));
  }

  private Map<String, Answer> ask(PrintWriter out) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(input.get(), StandardCharsets.UTF_8));
    out.println("Answer each question with yes, no or unsure (y / n / ?).");
    Map<String, Answer> answers = new LinkedHashMap<>();
    int i = 0;
    for (Question q : Questionnaire.QUESTIONS) {
      i++;
      while (true) {
        out.print("[" + i + "/" + Questionnaire.QUESTIONS.size() + "] " + q.text() + " ");
        out.flush();
        String line = in.readLine();
        if (line == null) {
          throw new UserError("the input ended before question '" + q.id() + "' was answered; use --answers FILE in scripts");
        }
        Optional<Answer> a = Answer.parse(line);
        if (a.isPresent()) {
          answers.put(q.id(), a.get());
          break;
        }
        out.println("  please answer yes, no or unsure");
      }
    }
    out.println();
    return answers;
  }

  private static Map<String, Answer> readAnswers(Path file) {
    List<YamlDocument> docs = new ArrayList<>();
    try {
      YamlReader.read(file, docs::add);
    } catch (IOException e) {
      throw new UserError("cannot read --answers " + file + " (" + e.getMessage() + ")");
    } catch (YamlReader.YamlError e) {
      throw new UserError("--answers " + file + ":" + Math.max(1, e.line()) + " is not YAML or JSON: " + e.getMessage());
    }
    Object doc = docs.isEmpty() ? null : docs.get(0).value();
    if (!(doc instanceof Map<?, ?> map)) {
      throw new UserError("--answers " + file + " must be a map of question id to yes, no or unsure");
    }
    Map<String, Answer> answers = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String id = String.valueOf(e.getKey());
      if (Questionnaire.byId(id) == null) {
        throw new UserError("--answers " + file + ": unknown question '" + id + "'; see whodecides assess --list");
      }
      Object v = e.getValue();
      String text = v instanceof Boolean b ? (b ? "yes" : "no") : String.valueOf(v);
      answers.put(id, Answer.parse(text).orElseThrow(() -> new UserError(
          "--answers " + file + ": '" + id + "' must be yes, no or unsure, not '" + text + "'")));
    }
    List<String> missing = Questionnaire.QUESTIONS.stream().map(Question::id).filter(id -> !answers.containsKey(id)).toList();
    if (!missing.isEmpty()) {
      throw new UserError("--answers " + file + " does not answer " + String.join(", ", missing));
    }
    Map<String, Answer> ordered = new LinkedHashMap<>();
    Questionnaire.QUESTIONS.forEach(q -> ordered.put(q.id(), answers.get(q.id())));
    return ordered;
  }
}
