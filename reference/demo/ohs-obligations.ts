import type { Message } from '../../server/platform/i18n/index.ts';
import type { Random } from './random.ts';
import type { ObligationRow } from './rows.ts';

/** An obligation's title as the platform stores a message: key and parameters, no English sentence. */
function titled(message: Message) {
  return { title: null, title_key: message.key, title_params: message.params ?? {} };
}

/** An obligation of the OHS program, its id drawn from `rng`, its title a message. */
export function ohsObligation(
  rng: Random,
  o: Omit<ObligationRow, 'id' | 'program' | 'title' | 'title_key' | 'title_params'> & { title: Message },
): ObligationRow {
  return {
    id: rng.uuid(),
    kind: o.kind,
    source_type: o.source_type,
    source_id: o.source_id,
    site_id: o.site_id,
    program: 'ohs',
    owner_id: o.owner_id,
    ...titled(o.title),
    due_date: o.due_date,
    due_at: o.due_at,
    state: o.state,
    done_at: o.done_at,
    created_at: o.created_at,
  };
}
