export type ErrorDetail = Record<string, unknown>;

// The one error type services throw; the error middleware maps it to a JSON response.
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: ErrorDetail[]) =>
  new AppError(400, 'bad_request', message, details);
export const notFound = (message = 'Not found') => new AppError(404, 'not_found', message);
export const gone = (message: string) => new AppError(410, 'gone', message);
export const conflict = (message: string) => new AppError(409, 'conflict', message);
export const unprocessable = (code: string, message: string, details?: ErrorDetail[]) =>
  new AppError(422, code, message, details);
export const unavailable = (message = 'The database is unavailable; please try again shortly.') =>
  new AppError(503, 'unavailable', message);
