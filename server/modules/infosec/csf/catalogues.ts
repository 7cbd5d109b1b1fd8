/**
 * The catalogue versions that migrations load, by fixed id: campaigns (and the demo's history) name the
 * version they were made against, and a later revision of the framework is a new id beside these.
 */
export const CSF_2_0_CATALOGUE_ID = '7c1f0a52-2b6e-4c1d-9a44-c5f200000020';
