/**
 * Input an engine cannot work with (an empty name, a name in another script): a stable code
 * (`names.empty`) and a message for a person. Engines import nothing of athar's, so they throw
 * this; the platform turns it into an `invalid` AppError with the same code at the edges (HTTP,
 * CLI).
 */
export class InputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}
