// Every way an OpenID Connect sign-in can fail that a person can meet, each with a page that says
// what happened and what to do. Pure: the routes log the kind and render the page.
export type FailureKind =
  | 'unknown_provider'
  | 'provider_down'
  | 'provider_refused'
  | 'denied'
  | 'tampered'
  | 'expired'
  | 'wrong_issuer'
  | 'wrong_audience'
  | 'untrusted'
  | 'no_email'
  | 'email_unverified'
  | 'domain_not_allowed'
  | 'no_account'
  | 'disabled'
  | 'account_not_created'
  | 'no_end_session';

export type Failure = { kind: FailureKind; email?: string; domain?: string; code?: string };
export type FailurePage = { status: number; title: string; message: string; action: string };

const START_AGAIN = 'Go back to the sign-in page and start again.';
const ASK_ADMIN = 'Ask an administrator of this service to check the sign-in settings.';

const page = (status: number, title: string, message: string, action: string) => ({ status, title, message, action });

const pages: Record<FailureKind, (f: Failure, provider: string) => FailurePage> = {
  unknown_provider: () =>
    page(404, 'Unknown sign-in service', 'This service has no sign-in provider by that name.', START_AGAIN),
  provider_down: (_f, provider) =>
    page(
      502,
      `${provider} is not answering`,
      `We could not reach ${provider}, so you are not signed in.`,
      'Try again in a few minutes. If it keeps happening, tell an administrator of this service.',
    ),
  provider_refused: (_f, provider) =>
    page(
      502,
      `${provider} refused this service`,
      `${provider} did not accept this service's sign-in request.`,
      ASK_ADMIN,
    ),
  denied: (f, provider) =>
    page(
      403,
      `${provider} did not sign you in`,
      `${provider} ended the sign-in without signing you in${f.code ? ` (it said: ${f.code})` : ''}.`,
      START_AGAIN,
    ),
  tampered: () =>
    page(
      400,
      'This sign-in did not start here',
      'The answer from the sign-in service does not match a sign-in started in this browser, so it was refused. This happens if a sign-in link was changed or opened in another browser.',
      START_AGAIN,
    ),
  expired: () =>
    page(
      400,
      'This sign-in has expired or was already used',
      'Each sign-in can be used once and only for a few minutes.',
      START_AGAIN,
    ),
  wrong_issuer: (_f, provider) =>
    page(
      502,
      'The sign-in answer came from the wrong place',
      `The answer did not come from the ${provider} service this platform is set up to trust, so it was refused.`,
      ASK_ADMIN,
    ),
  wrong_audience: (_f, provider) =>
    page(
      502,
      'The sign-in answer was meant for another service',
      `${provider} sent proof of sign-in addressed to a different application, so it was refused.`,
      ASK_ADMIN,
    ),
  untrusted: (_f, provider) =>
    page(
      502,
      'The sign-in answer could not be trusted',
      `The answer from ${provider} failed a check, so it was refused.`,
      ASK_ADMIN,
    ),
  no_email: (_f, provider) =>
    page(403, 'No email address was sent', `${provider} did not tell us your email address.`, ASK_ADMIN),
  email_unverified: (f, provider) =>
    page(
      403,
      'Your email address is not verified',
      `${provider} says the email address ${f.email ?? ''} has not been verified, so it cannot be used to sign in.`,
      `Verify the address with ${provider}, or ask its administrators to, then start again.`,
    ),
  domain_not_allowed: (f, provider) =>
    page(
      403,
      'That email address cannot sign in here',
      `Addresses at ${f.domain ?? 'that domain'} may not sign in through ${provider}.`,
      'Sign in with your work account, or ask an administrator of this service.',
    ),
  no_account: (f, provider) =>
    page(
      403,
      'You do not have an account on this service',
      `${provider} signed you in as ${f.email ?? ''}, but this service has no account for that address.`,
      'Ask an administrator of this service to create an account for you.',
    ),
  disabled: (f) =>
    page(
      403,
      'Your account is switched off',
      `The account for ${f.email ?? ''} on this service has been switched off.`,
      'Ask an administrator of this service if you still need access.',
    ),
  account_not_created: (f) =>
    page(500, 'Your account could not be created', `An account for ${f.email ?? ''} could not be set up.`, ASK_ADMIN),
  no_end_session: (_f, provider) =>
    page(
      200,
      `${provider} has no sign-out link for other services`,
      `You are signed out of this service, but ${provider} does not let other services sign you out of it.`,
      `To sign out of ${provider} as well, sign out on its own website or close your browser.`,
    ),
};

export const failurePage = (f: Failure, provider: string): FailurePage => pages[f.kind](f, provider);

type LibraryError = {
  name?: string;
  code?: string;
  error?: string;
  cause?: { claim?: string; cause?: { claim?: string } };
};

const NETWORK = new Set(['OAUTH_TIMEOUT', 'OAUTH_RESPONSE_IS_NOT_CONFORM', 'OAUTH_RESPONSE_IS_NOT_JSON']);
const OAUTH_CODE = /^[a-z_]{1,60}$/;

// What went wrong, from an error thrown by openid-client (or by fetch under it). `code` is safe to
// log and show: a library or OAuth error code, never a token or a claim value.
export function classify(err: unknown): Failure {
  const e = (err ?? {}) as LibraryError;
  if (e.name === 'TypeError' || e.name === 'AbortError' || e.name === 'TimeoutError' || NETWORK.has(e.code ?? ''))
    return { kind: 'provider_down', code: e.code ?? e.name };
  const code = e.error && OAUTH_CODE.test(e.error) ? e.error : undefined;
  if (e.code === 'OAUTH_AUTHORIZATION_RESPONSE_ERROR') return { kind: 'denied', code };
  if (e.code === 'OAUTH_RESPONSE_BODY_ERROR')
    return { kind: code === 'invalid_grant' ? 'expired' : 'provider_refused', code };
  const claim = e.cause?.claim ?? e.cause?.cause?.claim; // openid-client wraps oauth4webapi's error
  if (e.code === 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED' || claim === 'iss')
    return { kind: 'wrong_issuer', code: e.code };
  if (claim === 'aud' || claim === 'azp') return { kind: 'wrong_audience', code: e.code };
  if (claim === 'nonce') return { kind: 'tampered', code: e.code };
  return { kind: 'untrusted', code: e.code };
}
