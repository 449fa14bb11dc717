package dev.whodecides.release;

/**
 * Why a release call is not recorded, with the HTTP status an API answers with: 400 bad input,
 * 403 not the release owner, 404 unknown product or record, 422 a ship below the bar without
 * accepted risk.
 */
public final class Refusal extends RuntimeException {

  private final int status;

  public Refusal(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
