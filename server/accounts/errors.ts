import { AppError } from '../errors.js';

export const signInRequired = () => new AppError(401, 'sign_in_required', 'Sign in to use this part of the service.');
// One message for an unknown email, a wrong password and a disabled account: no enumeration.
export const signInFailed = () =>
  new AppError(401, 'sign_in_failed', 'That email and password do not match an account.');
export const forbidden = (message = 'Your account cannot see or change this.') =>
  new AppError(403, 'forbidden', message);
export const csrfFailed = () =>
  new AppError(403, 'csrf_failed', 'The X-CSRF-Token header is missing or wrong; read it from GET /api/v1/session.');
export const localSignInOff = () =>
  new AppError(
    403,
    'local_sign_in_off',
    "Password sign-in is switched off here; sign in with your organisation's account.",
  );
export const tooManyAttempts = () =>
  new AppError(429, 'rate_limited', 'Too many sign-in attempts; please wait a few minutes and try again.');

// The same shape zod errors take at the boundary, for checks that need the database.
export const invalid = (field: string, problem: string) =>
  new AppError(400, 'invalid_request', 'The request is invalid.', [{ field, problem }]);
