/** A catalog write refused: what the back office and the test-support API answer as a JSON error. */
export class CatalogWriteError extends Error {
  constructor(
    readonly code: "not_found" | "invalid_input" | "insufficient_stock" | "edit_conflict",
    message: string,
  ) {
    super(message);
    this.name = "CatalogWriteError";
  }
}
