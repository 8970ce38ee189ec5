import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { request } from '../../../api/client';
import { api as endpoints } from '../../../contract/api';
import type { SequenceList, SequenceListQuery } from '../../../contract/sequences';
import { renderApp } from '../../../test/render-app';

/** What the API itself answers for a view, to compare the screen against. */
async function fromApi(query: z.input<typeof SequenceListQuery> = {}): Promise<SequenceList> {
  return request(endpoints.listSequences, { query });
}

function rowNames(): string[] {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent ?? '');
}

function columnIndex(name: string): number {
  return screen.getAllByRole('columnheader').findIndex((th) => th.textContent === name);
}

describe('sequences page', () => {
  it('lists the sequences with their figures and the total', async () => {
    await renderApp({ url: '/sequences', user: 'admin' });
    const expected = await fromApi();
    expect(expected.total).toBeGreaterThan(1);

    const table = await screen.findByRole('table', { name: 'Sequences, sorted by Name, ascending' });
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('status')).toHaveTextContent(`${expected.total} sequences`);
    expect(within(table).getAllByRole('row')).toHaveLength(expected.items.length + 1);
    expect(rowNames()).toEqual(expected.items.map((s) => s.name));

    const first = expected.items[0]!;
    const link = within(table).getByRole('link', { name: first.name });
    expect(link).toHaveAttribute('href', `/sequences/${first.id}`);

    const row = link.closest('tr')!;
    const cells = within(row).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent(first.owner.name);
    expect(cells[1]).toHaveTextContent(String(first.steps));
    const percent = (v: number | null) => (v === null ? 'No emails sent yet' : new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(v));
    expect(cells[3]).toHaveTextContent(percent(first.openRate));
    expect(cells[4]).toHaveTextContent(percent(first.replyRate));
    expect(cells[5]).toHaveTextContent(percent(first.meetingRate));
  });

  it('searches by name after a pause in typing, and puts the search in the URL', async () => {
    const { user } = await renderApp({ url: '/sequences', user: 'admin' });
    const all = await fromApi();
    await screen.findByRole('table');
    // A word from one name that not every sequence shares.
    const word = all.items
      .flatMap((s) => s.name.split(/\s+/))
      .find((w) => w.length > 3 && all.items.some((s) => !s.name.toLowerCase().includes(w.toLowerCase())))!;
    const expected = await fromApi({ q: word });
    expect(expected.total).toBeLessThan(all.total);

    await user.type(screen.getByRole('searchbox', { name: 'Search sequences' }), word);

    await waitFor(() => expect(rowNames()).toEqual(expected.items.map((s) => s.name)));
    expect(new URLSearchParams(window.location.search).get('q')).toBe(word);
    expect(screen.getByRole('status')).toHaveTextContent(
      expected.total === 1 ? '1 sequence' : `${expected.total} sequences`,
    );
  });

  it('sorts by a column header, toggling the direction, with aria-sort and the URL in step', async () => {
    const { user } = await renderApp({ url: '/sequences', user: 'admin' });
    await screen.findByRole('table');
    const nameHeader = screen.getAllByRole('columnheader')[columnIndex('Name')]!;
    expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');

    await user.click(screen.getByRole('button', { name: 'Reply rate' }));

    const replyHeader = () => screen.getAllByRole('columnheader')[columnIndex('Reply rate')]!;
    await waitFor(() => expect(replyHeader()).toHaveAttribute('aria-sort', 'descending'));
    expect(nameHeader).not.toHaveAttribute('aria-sort');
    expect(window.location.search).toBe('?sort=replyRate&dir=desc');
    expect(rowNames()).toEqual((await fromApi({ sort: 'replyRate', dir: 'desc' })).items.map((s) => s.name));
    expect(screen.getByRole('table')).toHaveAccessibleName('Sequences, sorted by Reply rate, descending');

    await user.click(screen.getByRole('button', { name: 'Reply rate' }));

    await waitFor(() => expect(replyHeader()).toHaveAttribute('aria-sort', 'ascending'));
    expect(window.location.search).toBe('?sort=replyRate&dir=asc');
    expect(rowNames()).toEqual((await fromApi({ sort: 'replyRate', dir: 'asc' })).items.map((s) => s.name));
  });

  it('reproduces a view from a link', async () => {
    await renderApp({ url: '/sequences?q=e&sort=steps&dir=desc', user: 'admin' });

    await screen.findByRole('table');
    expect(screen.getByRole('searchbox', { name: 'Search sequences' })).toHaveValue('e');
    expect(screen.getAllByRole('columnheader')[columnIndex('Steps')]).toHaveAttribute('aria-sort', 'descending');
    expect(rowNames()).toEqual((await fromApi({ q: 'e', sort: 'steps', dir: 'desc' })).items.map((s) => s.name));
  });

  it('says when nothing matches the search, and clears it', async () => {
    const { user } = await renderApp({ url: '/sequences', user: 'admin' });
    const all = await fromApi();
    await screen.findByRole('table');
    const search = screen.getByRole('searchbox', { name: 'Search sequences' });

    await user.type(search, 'zzqx no such sequence');

    expect(await screen.findByRole('heading', { name: 'No sequences match “zzqx no such sequence”' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Clear search' }));

    await waitFor(() => expect(rowNames()).toHaveLength(all.items.length));
    expect(search).toHaveValue('');
    expect(search).toHaveFocus();
    expect(window.location.search).toBe('');
  });

  it('says when there are no sequences at all', async () => {
    const { api, router } = await renderApp({ url: '/sequences', user: 'admin' });
    await screen.findByRole('table');
    await api.db.query('UPDATE sequences SET deleted_at = now()');

    await act(() => router.navigate('/sequences?sort=steps&dir=desc'));

    expect(await screen.findByRole('heading', { level: 2, name: 'No sequences yet' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Clear search' })).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('0 sequences');
  });

  it('shows an error with Try again, which recovers', async () => {
    const { user, api } = await renderApp({ url: '/sequences', user: 'admin' });
    api.faults.failEndpoint('listSequences', 500);

    // The route is already loading; wait for the failure to show.
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("We couldn't load the sequences.");
    expect(alert).toHaveTextContent('Something went wrong on our side. Try again.');
    expect(screen.getByRole('heading', { level: 1, name: 'Sequences' })).toBeInTheDocument();

    api.faults.reset();
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
