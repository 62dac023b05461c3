/** A refusal of the control API: bad input (400) or an unknown marketplace, chat or file (404). */
export class ControlError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
    this.name = 'ControlError';
  }
}

export function badInput(message: string): ControlError {
  return new ControlError(400, message);
}
