/** Query keys of IP data: a change refreshes every list and view that starts with one of them. */
export const ipKeys = {
  matters: '/api/ip/matters',
  families: '/api/ip/families',
  trademarks: '/api/ip/trademarks',
  secrets: '/api/ip/trade-secrets',
  disclosures: '/api/ip/disclosures',
  licences: '/api/ip/licences',
  fto: '/api/ip/fto',
  riskCases: '/api/ip/risk-cases',
  obligations: '/api/obligations',
};
