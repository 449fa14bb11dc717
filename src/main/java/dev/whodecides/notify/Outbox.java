package dev.whodecides.notify;

import dev.whodecides.decisions.Ownership;
import dev.whodecides.release.ReleaseRecord;
import dev.whodecides.store.Outgoing;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The deliveries one stored release call queues: one per webhook, each with its own event id. */
public final class Outbox {

  private Outbox() {}

  public static List<Outgoing> deliveries(ReleaseRecord stored, Ownership ownership, List<Webhook> webhooks) {
    List<Outgoing> out = new ArrayList<>(webhooks.size());
    for (Webhook w : webhooks) {
      String id = UUID.randomUUID().toString();
      out.add(new Outgoing(id, w.url().toString(), w.format().id(), ReleaseEvent.of(id, stored, ownership).body(w.format())));
    }
    return out;
  }
}
