package dev.whodecides.decisions;

import dev.whodecides.catalog.Catalog;
import dev.whodecides.catalog.Entity;
import dev.whodecides.vocabulary.EntityRef;
import dev.whodecides.vocabulary.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who consumes what across team lines: an entity with an owner, used through the {@code dependsOn}
 * or {@code consumesApis} of a Component or Resource owned by someone else. The rules about data
 * guarantees and the ownership graph's red boxes share this one definition.
 */
public final class Consumers {

  private Consumers() {}

  /** Each consumed entity with its consumers, labelled {@code ref (owner)}, in catalog order. */
  public static Map<EntityRef, Set<String>> of(Catalog catalog) {
    Map<EntityRef, Set<String>> consumers = new LinkedHashMap<>();
    for (Entity consumer : catalog.entities()) {
      boolean component = consumer.ref().is(Kind.COMPONENT);
      if (!component && !consumer.ref().is(Kind.RESOURCE)) {
        continue;
      }
      EntityRef consumerOwner = catalog.ref(consumer, "owner").orElse(null);
      List<EntityRef> used = new ArrayList<>(catalog.refs(consumer, "dependsOn"));
      if (component) {
        used.addAll(catalog.refs(consumer, "consumesApis"));
      }
      for (EntityRef target : used) {
        catalog.get(target).ifPresent(t -> {
          EntityRef producerOwner = catalog.ref(t, "owner").orElse(null);
          if (producerOwner != null && !Objects.equals(producerOwner, consumerOwner)) {
            consumers.computeIfAbsent(target, k -> new LinkedHashSet<>())
                .add(consumer.ref() + (consumerOwner == null ? "" : " (" + consumerOwner + ")"));
          }
        });
      }
    }
    return consumers;
  }
}
