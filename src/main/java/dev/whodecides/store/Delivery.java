package dev.whodecides.store;

import java.time.Instant;

/**
 * One webhook delivery of a release call and where it stands: {@code pending} (waiting for its
 * next attempt), {@code delivered} or {@code failed} (given up after retrying). {@code product}
 * and {@code version} are the call's, for showing it.
 */
public record Delivery(long id, String eventId, long releaseId, String product, String version, String url,
    String format, String body, Instant createdAt, String state, int attempts, Instant nextAttemptAt,
    Instant lastAttemptAt, String lastError) {

  public static final String PENDING = "pending";
  public static final String DELIVERED = "delivered";
  public static final String FAILED = "failed";
}
