package dev.whodecides.store;

/** A webhook delivery to queue with a release call: the event id, where it goes, its format and its exact body. */
public record Outgoing(String eventId, String url, String format, String body) {}
