/** Query keys of engagements and findings: a change refreshes every list and view that starts with one. */
export const findingsKeys = {
  engagements: '/api/infosec/engagements',
  findings: '/api/infosec/findings',
};

export const severityColor: Record<string, string> = {
  none: 'gray',
  low: 'blue',
  medium: 'yellow',
  high: 'orange',
  critical: 'red',
};
