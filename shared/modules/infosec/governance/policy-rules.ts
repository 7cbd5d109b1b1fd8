/** Pure rules of information security policies: the current version and a campaign's acknowledgement rate. */

/**
 * A site's figures of an acknowledgement campaign: how many were asked, how many acknowledged, and the share
 * acknowledged (0–100, one decimal). Nobody asked has no rate (null, "nobody asked"), never 0 %; people asked
 * and none acknowledged is a true 0.
 */
export function acknowledgementRate(asked: number, acknowledged: number) {
  if (!Number.isInteger(asked) || !Number.isInteger(acknowledged) || asked < 0 || acknowledged < 0)
    throw new RangeError('counts are whole numbers of people');
  if (acknowledged > asked) throw new RangeError('more acknowledged than asked');
  return {
    asked,
    acknowledged,
    rate: asked === 0 ? null : Math.round((acknowledged / asked) * 1000) / 10,
  };
}

/**
 * The current version of a policy on a day: the one effective latest on or before that day (a later label
 * breaks a tie of dates by its effective order of recording, `createdAt`); none when every version starts later.
 */
export function currentVersion<V extends { effectiveOn: string; createdAt: string }>(
  versions: readonly V[],
  today: string,
): V | null {
  let best: V | null = null;
  for (const v of versions) {
    if (v.effectiveOn > today) continue;
    if (
      !best ||
      v.effectiveOn > best.effectiveOn ||
      (v.effectiveOn === best.effectiveOn && v.createdAt > best.createdAt)
    )
      best = v;
  }
  return best;
}
