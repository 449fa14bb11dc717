package dev.whodecides.web;

/** An HTTP error with a message for the caller; rendered as {@code {"error":..., "status":...}}. */
final class ApiError extends RuntimeException {

  private final int status;

  ApiError(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }
}
