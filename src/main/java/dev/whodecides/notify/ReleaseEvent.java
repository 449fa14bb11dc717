package dev.whodecides.notify;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whodecides.decisions.Declaration;
import dev.whodecides.decisions.Effective;
import dev.whodecides.decisions.Ownership;
import dev.whodecides.release.ReleaseRecord;
import dev.whodecides.report.ReleaseCheckJson;
import dev.whodecides.vocabulary.DecisionType;
import dev.whodecides.vocabulary.EntityRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code release.recorded} event: its id (the same in every retry of one delivery), the record
 * as {@code GET /api/releases/{id}} shows it, the statement for stakeholders, and the people the
 * product's governing release Decision lists as informed and as consulted.
 */
@JsonPropertyOrder({"event", "id", "record", "statement", "informed", "consulted"})
public record ReleaseEvent(String event, String id, ReleaseCheckJson.RecordJson record, String statement,
    List<Stakeholder> informed, List<Stakeholder> consulted) {

  /** The event's name. */
  public static final String RELEASE_RECORDED = "release.recorded";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The event for a stored record, with the stakeholders of the release Decision that governs its product now. */
  public static ReleaseEvent of(String id, ReleaseRecord stored, Ownership ownership) {
    Optional<Declaration> governing = ownership.effective(EntityRef.parse(stored.product(), "component"),
        DecisionType.RELEASE).map(Effective::declaration);
    List<EntityRef> informed = governing.map(Declaration::informed).orElse(List.of());
    List<EntityRef> consulted = governing.map(Declaration::consulted).orElse(List.of());
    return new ReleaseEvent(RELEASE_RECORDED, id, ReleaseCheckJson.record(stored), stored.statement(),
        Stakeholder.of(ownership.catalog(), informed), Stakeholder.of(ownership.catalog(), consulted));
  }

  /** The body a webhook of this format receives. */
  public String body(Webhook.Format format) {
    Object body = switch (format) {
      case JSON -> this;
      case SLACK -> Map.of("text", slackText(statement));
    };
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an event is plain data and always writes as JSON", e);
    }
  }

  /** Slack reads {@code &}, {@code <} and {@code >} in a message's text as markup; these three are escaped. */
  static String slackText(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
