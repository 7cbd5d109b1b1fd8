import { MantineProvider } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { DataCard, QueryContent, QueryProblem, queryOutcome } from './QueryCard.tsx';

type Page = { total: number; items: string[] };

const answered = (data: Page) =>
  ({ status: 'success', fetchStatus: 'idle', data, error: null }) as unknown as UseQueryResult<Page>;
const refused = () =>
  ({
    status: 'error',
    fetchStatus: 'idle',
    data: undefined,
    error: new ApiError(
      403,
      { type: 'https://steward.example/problems/forbidden', title: 'Forbidden', status: 403, detail: 'No' },
      'No',
      null,
    ),
  }) as unknown as UseQueryResult<Page>;
const failed = () =>
  ({
    status: 'error',
    fetchStatus: 'idle',
    data: undefined,
    error: new ApiError(500, null, 'Database fault', null),
  }) as unknown as UseQueryResult<Page>;
const notAsked = () =>
  ({
    status: 'pending',
    fetchStatus: 'idle',
    data: undefined,
    error: null,
  }) as unknown as UseQueryResult<Page>;

const html = (node: ReactElement) => renderToStaticMarkup(<MantineProvider>{node}</MantineProvider>);
/** What the provider alone renders (its style tag): a hidden part adds nothing to it. */
const nothing = () => html(<span hidden />).replace('<span hidden=""></span>', '');

/** The dashboard's "overdue actions" card: "Nothing overdue." is the all-clear a refusal must never show. */
const overdueCard = (query: UseQueryResult<Page>, whenRefused?: 'say' | 'hide') =>
  html(
    <DataCard
      title="Overdue actions"
      icon={null}
      query={query}
      count={(d) => d.total}
      whenRefused={whenRefused}
    >
      {(d) => (d.items.length === 0 ? <p>Nothing overdue.</p> : d.items.map((i) => <p key={i}>{i}</p>))}
    </DataCard>,
  );

describe('a part of a page fed by a query', () => {
  it('tells an answer from a query not asked, a refusal and a failure', () => {
    expect(queryOutcome(answered({ total: 0, items: [] }))).toBe('answered');
    expect(queryOutcome(refused())).toBe('refused');
    expect(queryOutcome(failed())).toBe('failed');
    expect(queryOutcome(notAsked())).toBe('not-asked');
    expect(queryOutcome({ status: 'pending', fetchStatus: 'fetching', error: null })).toBe('loading');
  });

  it('shows the all-clear and a zero only from an answer', () => {
    const out = overdueCard(answered({ total: 0, items: [] }));
    expect(out).toContain('Nothing overdue.');
    expect(out).toContain('>0<');
  });

  it('never shows a refused request as an all-clear: it says so, or hides the card', () => {
    const out = overdueCard(refused());
    expect(out).toContain('Overdue actions');
    expect(out).toContain('data-testid="query-refused"');
    expect(out).not.toContain('Nothing overdue.');
    expect(out).not.toContain('>0<');
    expect(overdueCard(refused(), 'hide')).toBe(nothing());
  });

  it('shows a failed request as a problem, never as an all-clear', () => {
    const out = overdueCard(failed());
    expect(out).toContain('role="alert"');
    expect(out).not.toContain('Nothing overdue.');
    expect(out).not.toContain('>0<');
  });

  it('hides the card of a query the role may not ask', () => {
    expect(overdueCard(notAsked())).toBe(nothing());
    expect(html(<QueryContent query={notAsked()}>{() => <p>figures</p>}</QueryContent>)).toBe(nothing());
  });

  it('tells of a refusal or a failure under a table drawn from the data elsewhere, and of nothing else', () => {
    expect(html(<QueryProblem query={refused()} />)).toContain('data-testid="query-refused"');
    expect(html(<QueryProblem query={failed()} />)).toContain('role="alert"');
    expect(html(<QueryProblem query={answered({ total: 0, items: [] })} />)).toBe(nothing());
    expect(html(<QueryProblem query={notAsked()} />)).toBe(nothing());
  });
});
