package dev.whodecides.cli;

/** A mistake in how whodecides was called; printed as one line, exit status 2, no stack trace. */
public final class UserError extends RuntimeException {
  public UserError(String message) {
    super(message);
  }
}
