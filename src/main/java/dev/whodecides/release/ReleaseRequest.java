package dev.whodecides.release;

import java.time.LocalDate;
import java.util.Map;

/**
 * A ship-or-wait call as somebody submits it, before it is checked. References may be short
 * ({@code newsletter-picks}, {@code user:tomas.reyes}); they are resolved against the catalog.
 * {@link ReleaseInput} reads one from what people type.
 */
public record ReleaseRequest(
    String product, String version, String decision, String by, Map<String, Double> metrics,
    Map<String, String> bar, String acceptedRisk, String rationale, LocalDate waitUntil, Long supersedes) {}
