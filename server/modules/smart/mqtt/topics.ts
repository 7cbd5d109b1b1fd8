/**
 * The MQTT topic layout (ARCHITECTURE.md, "MQTT ingestion"): `<root>/<site code>/<area>/<sensor>`, or any
 * other levels below the site (`<root>/<site code>/readings` for a batch of many sensors). The site level is
 * what authorizes a publish; the levels below it are the gateway's own arrangement.
 */

/** The level below the site under which Steward answers the gateways; never a readings topic. */
const ANSWERS = 'answers';

/** The site code of a topic readings may be published to, or null when it is not one. */
export function siteCodeOfTopic(topic: string, root: string): string | null {
  const levels = topic.split('/');
  if (levels.length < 3 || levels[0] !== root || levels[2] === ANSWERS) return null;
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

/** Whether a topic is one of Steward's answers to the gateways (`<root>/<site>/answers/…`). */
export function isAnswerTopic(topic: string, root: string): boolean {
  const levels = topic.split('/');
  return levels.length >= 3 && levels[0] === root && levels[2] === ANSWERS;
}

/**
 * Where the answers to a gateway's batches at a site go: `<root>/<site code>/answers/<gateway>`, the gateway's
 * name with the characters a topic level cannot hold replaced. The gateway subscribes to it before publishing.
 */
export function answerTopic(root: string, siteCode: string, gateway: string): string {
  return `${root}/${siteCode}/${ANSWERS}/${gateway.trim().replace(/[/+#\s]+/g, '-') || 'gateway'}`;
}
