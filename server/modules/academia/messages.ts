/**
 * Texts the program writes on its own (obligation titles), in one place: they become message keys with
 * parameters when the platform's message catalogue lands.
 */
export const messages = {
  agreementRenewal: (p: { partner: string; title: string }) =>
    `Renew or close the agreement with ${p.partner}: ${p.title}`,
  milestone: (p: { project: string; milestone: string }) =>
    `Research project milestone: ${p.project} — ${p.milestone}`,
};
