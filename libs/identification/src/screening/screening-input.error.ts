export interface ScreeningInputFieldError {
  /** Where the problem is in the input, e.g. `answers[3].indicator`. */
  path: string;
  message: string;
}

/** The screening input does not fit the catalog version it is evaluated against; nothing was evaluated. */
export class ScreeningInputError extends Error {
  constructor(readonly errors: ScreeningInputFieldError[]) {
    super(`Invalid screening input: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    this.name = 'ScreeningInputError';
  }
}
