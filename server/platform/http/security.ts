import helmet from 'helmet';

// Only our own origin: no CDN, no web fonts from elsewhere, no inline scripts or styles. SurveyJS
// and chart.js style through the CSSOM, which the CSP does not govern; the one style refused is
// the timer icon's stroke in SurveyJS's icon sprite, a timer no survey here shows
// (tests/browser/csp-styles.test.ts, docs/RESILIENCE.md).
export function securityHeaders(https: boolean) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        fontSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        scriptSrcAttr: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000 } : false,
    referrerPolicy: { policy: 'no-referrer' },
  });
}

// The same headers as a list, for a route served ahead of Express (front-door.ts): helmet's are
// the same on every response, so they are recorded once, from the middleware itself.
export function securityHeaderList(https: boolean): [string, string][] {
  const list: [string, string][] = [];
  const recorder = {
    setHeader: (name: string, value: unknown) => list.push([name, String(value)]),
    removeHeader: () => {},
  };
  securityHeaders(https)({} as never, recorder as never, () => {});
  return list;
}
