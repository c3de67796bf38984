// Where the service worker and the page keep a survey link's page and campaign for offline use.
// Keyed by path alone, so an invitation's token (?t=) is never stored.
export const PAGES_CACHE = 'pages';
export const pagePath = /^\/s\/[^/]+$/;
export const campaignPath = /^\/api\/v1\/campaigns\/[^/]+$/;
export const campaignUrl = (code: string) => `/api/v1/campaigns/${encodeURIComponent(code)}`;
