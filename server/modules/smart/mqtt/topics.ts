/**
 * The MQTT topic layout (ARCHITECTURE.md, "MQTT ingestion"): `<root>/<site code>/<area>/<sensor>`, or any
 * other levels below the site (`<root>/<site code>/readings` for a batch of many sensors). The site level is
 * what authorizes a publish; the levels below it are the gateway's own arrangement.
 */

/** The site code of a topic readings may be published to, or null when it is not one. */
export function siteCodeOfTopic(topic: string, root: string): string | null {
  const levels = topic.split('/');
  if (levels.length < 3 || levels[0] !== root) return null;
  if (levels.some((level) => level === '' || level.includes('+') || level.includes('#'))) return null;
  return levels[1];
}

/** The site code a subscription filter stays within, or null when it reaches beyond one site (a wildcard there). */
export function siteCodeOfFilter(filter: string, root: string): string | null {
  const levels = filter.split('/');
  if (levels.length < 2 || levels[0] !== root) return null;
  const site = levels[1];
  return site === '' || site === '+' || site === '#' ? null : site;
}

/** What the worker subscribes to on an external broker: every site's readings, shared among the workers. */
export function sharedSubscription(root: string): string {
  return `$share/steward/${root}/+/#`;
}
