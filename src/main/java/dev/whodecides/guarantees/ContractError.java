package dev.whodecides.guarantees;

/** A contract that cannot be read or breaks the ODCS schema; the message is one line for the user. */
public final class ContractError extends Exception {
  public ContractError(String message) {
    super(message);
  }
}
