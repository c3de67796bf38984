import helmet from 'helmet';

// Only our own origin: no CDN, no web fonts from elsewhere, no inline scripts, no inline <style>
// elements. Style attributes stay allowed: SurveyJS inserts its icon sprite as markup with a
// style attribute (measured in tests/browser/csp-styles.test.ts and docs/RESILIENCE.md); chart.js
// and everything else style through the CSSOM, which the CSP does not govern.
export function securityHeaders(https: boolean) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        styleSrcAttr: ["'unsafe-inline'"],
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
