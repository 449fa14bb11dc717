package dev.whodecides.web;

/** A page that cannot be shown (missing, refused), answered with an HTML page and this status. */
final class PageError extends RuntimeException {

  private final int status;

  PageError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }
}
