import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { request } from '../../../api/client';
import { api as endpoints } from '../../../contract/api';
import { withProbation } from '../../../mocks/probation-scenarios';
import { renderApp } from '../../../test/render-app';

type Rendered = Awaited<ReturnType<typeof renderApp>>;

/** Renders Marketing email with the account on probation since a day ago. */
async function renderPage(role: 'marketer' | 'admin' | 'rep' | 'manager' = 'marketer', level: Parameters<typeof withProbation>[1] = 'probation') {
  const view = await renderApp({ url: '/', user: role });
  await withProbation(view.api.db, level);
  await act(() => view.router.navigate('/marketing-email'));
  await screen.findByRole('heading', { level: 1, name: 'Marketing email' });
  return view;
}

const banner = () => screen.findByRole('region', { name: /marketing email (is|will be|is still)/i });
const sheet = () => screen.findByRole('dialog', { name: 'Review contacts' });

async function openReview({ user }: Rendered) {
  await user.click(await screen.findByRole('button', { name: 'Review contacts' }));
  const dialog = await sheet();
  await within(dialog).findByRole('button', { name: 'Next' });
  return dialog;
}

async function next({ user }: Rendered, dialog: HTMLElement, title: string) {
  await user.click(within(dialog).getByRole('button', { name: 'Next' }));
  const heading = await within(dialog).findByRole('heading', { level: 3, name: title });
  await waitFor(() => expect(heading).toHaveFocus());
}

const savedProgress = () => request(endpoints.getReviewProgress);

describe('marketing email page', () => {
  it('lists the marketing emails and shows the probation banner with the figure, the level and what comes next', async () => {
    await renderPage('marketer');
    const table = await screen.findByRole('table', { name: 'Marketing emails, newest first' });
    const rows = within(table).getAllByRole('row');
    expect(rows.length).toBeGreaterThan(5);
    expect(within(table).getAllByText('Draft').length).toBeGreaterThan(0);
    expect(within(table).getAllByText('Scheduled').length).toBeGreaterThan(0);
    expect(within(table).getAllByText('Sent').length).toBeGreaterThan(0);

    const region = await banner();
    expect(region).toHaveAccessibleName('Marketing email is on probation');
    expect(region).toHaveTextContent('Level: Probation');
    expect(region).toHaveTextContent(/Hard bounce rate (is|was) [\d.]+%.*threshold of 4% for your industry/);
    expect(region).toHaveTextContent(/If the contact review is not done by .+, the first of two warnings follows\./);
    expect(within(region).getByRole('button', { name: 'Review contacts' })).toBeInTheDocument();
  });

  it.each(['rep', 'manager'] as const)('shows a %s the banner without the review, and no Send', async (role) => {
    await renderPage(role, 'warning_1');
    const region = await banner();
    expect(region).toHaveTextContent('Level: Warning 1 of 2');
    expect(region).toHaveTextContent('A marketer or an admin can review the contacts to lift it.');
    expect(within(region).queryByRole('button')).not.toBeInTheDocument();
    await screen.findByRole('table', { name: 'Marketing emails, newest first' });
    expect(screen.queryByRole('button', { name: /^Send / })).not.toBeInTheDocument();
  });

  it('says why marketing email cannot be sent while suspended', async () => {
    await renderPage('admin', 'suspended');
    const region = await banner();
    expect(region).toHaveAccessibleName('Marketing email is suspended');
    expect(region).toHaveTextContent('Marketing emails cannot be sent until the contact review is done.');
    expect(screen.getByText('Sending is suspended while the contact review is not done.')).toBeInTheDocument();
    const send = screen.getAllByRole('button', { name: /^Send .* now$/ })[0]!;
    expect(send).toHaveAttribute('aria-disabled', 'true');
    expect(send).toHaveAccessibleDescription('Sending is suspended while the contact review is not done.');
  });

  it('shows nothing about probation to a healthy account, and an error with a retry when the list fails', async () => {
    const view = await renderApp({ url: '/', user: 'marketer' });
    await withProbation(view.api.db, 'healthy');
    view.api.faults.failEndpoint('listMarketingEmails', 500);
    await act(() => view.router.navigate('/marketing-email'));
    expect(await screen.findByRole('heading', { name: 'The marketing emails could not be loaded.' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /probation|suspended/ })).not.toBeInTheDocument();
    view.api.faults.reset();
    await view.user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: 'Marketing emails, newest first' })).toBeInTheDocument();
  });
});

describe('the review wizard', () => {
  it('opens in a sheet that takes the focus, moves with Back and Next, and gives the focus back on Escape', async () => {
    const view = await renderPage('marketer');
    const opener = screen.getByRole('button', { name: 'Review contacts' });
    const dialog = await openReview(view);
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    expect(dialog).toHaveTextContent('Step 1 of 5');
    expect(within(dialog).getByRole('heading', { level: 3, name: 'What the probation means' })).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Back' })).not.toBeInTheDocument();

    await next(view, dialog, 'The consent your contacts must have given');
    expect(dialog).toHaveTextContent('Step 2 of 5');
    expect(dialog).toHaveTextContent('explicitly agreed to receive marketing email');

    await next(view, dialog, 'Three ways to avoid emailing contacts without consent');
    expect(within(dialog).getAllByRole('listitem')).toHaveLength(3);

    await view.user.click(within(dialog).getByRole('button', { name: 'Back' }));
    const back = await within(dialog).findByRole('heading', { level: 3, name: 'The consent your contacts must have given' });
    await waitFor(() => expect(back).toHaveFocus());
    expect(await savedProgress()).toMatchObject({ step: 2, furthestStep: 3 });

    await view.user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(opener).toHaveFocus());

    // Opened again (as after a reload or in another browser): the same step.
    const again = await openReview(view);
    expect(again).toHaveTextContent('Step 2 of 5');
  });

  it('keeps everything when saving the progress fails, and moves on after a retry', async () => {
    const view = await renderPage('marketer');
    const dialog = await openReview(view);
    view.api.faults.failEndpoint('saveReviewProgress', 500);
    await view.user.click(within(dialog).getByRole('button', { name: 'Next' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Your progress could not be saved. Nothing you chose is lost: try again.');
    expect(dialog).toHaveTextContent('Step 1 of 5');
    expect((await savedProgress()).step).toBe(1);

    view.api.faults.reset();
    await view.user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await within(dialog).findByRole('heading', { level: 3, name: 'The consent your contacts must have given' })).toBeInTheDocument();
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    expect((await savedProgress()).step).toBe(2);
  });

  it('reviews the contacts: filters with counts, removes the selected ones after a confirmation with the exact number', async () => {
    const view = await renderPage('marketer');
    const dialog = await openReview(view);
    await next(view, dialog, 'The consent your contacts must have given');
    await next(view, dialog, 'Three ways to avoid emailing contacts without consent');
    await next(view, dialog, 'Review your marketing contacts');

    const filter = (name: RegExp) => within(dialog).getByRole('radio', { name });
    await waitFor(() => expect(filter(/^Invalid address \(\d[\d,]*\)$/)).toBeInTheDocument());
    const countOf = (name: RegExp) => Number(/\(([\d,]+)\)/.exec(filter(name).closest('label')?.textContent ?? '')?.[1]?.replace(/,/g, ''));
    const invalidBefore = countOf(/^Invalid address/);
    expect(invalidBefore).toBeGreaterThan(3);

    await view.user.click(filter(/^Invalid address/));
    await waitFor(async () => expect((await savedProgress()).problem).toBe('invalid_address'));
    const table = await within(dialog).findByRole('table', { name: 'Marketing contacts' });
    await waitFor(() => expect(within(table).getAllByRole('row').length).toBeGreaterThan(3));
    const rows = within(table).getAllByRole('row').slice(1);
    for (const row of rows.slice(0, 3)) expect(row).toHaveTextContent(/Invalid|Bounced|Role-based/);

    await view.user.click(within(rows[0]!).getByRole('checkbox'));
    await view.user.click(within(rows[1]!).getByRole('checkbox'));
    expect(within(dialog).getByRole('status')).toHaveTextContent('2 contacts selected');
    await view.user.click(within(dialog).getByRole('button', { name: 'Remove from marketing' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Remove 2 contacts from marketing?' });
    expect(confirm).toHaveTextContent('Nothing is deleted.');
    await view.user.click(within(confirm).getByRole('button', { name: 'Remove' }));

    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(within(dialog).getByRole('status')).toHaveTextContent('2 contacts removed from marketing.');
    await waitFor(() => expect(countOf(/^Invalid address/)).toBe(invalidBefore - 2));
    expect(dialog).toHaveTextContent('2 contacts removed during this review.');

    // Everything that matches, with the exact count in the confirmation.
    await view.user.click(within(dialog).getByRole('button', { name: `Select all ${(invalidBefore - 2).toLocaleString('en')} contacts that match` }));
    await view.user.click(within(dialog).getByRole('button', { name: 'Remove from marketing' }));
    const all = await screen.findByRole('alertdialog', { name: `Remove ${(invalidBefore - 2).toLocaleString('en')} contacts from marketing?` });
    await view.user.click(within(all).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(countOf(/^Invalid address/)).toBe(0));
    expect(await within(dialog).findByRole('heading', { name: 'No contacts to show' })).toBeInTheDocument();
  });

  it('enables Done only once the box is ticked, then lifts the probation for good', async () => {
    const view = await renderPage('admin');
    const dialog = await openReview(view);
    await next(view, dialog, 'The consent your contacts must have given');
    await next(view, dialog, 'Three ways to avoid emailing contacts without consent');
    await next(view, dialog, 'Review your marketing contacts');
    await next(view, dialog, 'Confirm your review');
    expect(dialog).toHaveTextContent('Step 5 of 5');
    expect(within(dialog).queryByRole('button', { name: 'Next' })).not.toBeInTheDocument();

    const done = within(dialog).getByRole('button', { name: 'Done' });
    expect(done).toBeDisabled();
    const box = within(dialog).getByRole('checkbox', { name: 'I have reviewed my contacts for email marketing' });
    await view.user.click(box);
    expect(done).toBeEnabled();
    await view.user.click(box);
    expect(done).toBeDisabled();
    await view.user.click(box);
    await view.user.click(done);

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText(/no longer under watch/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /probation|suspended/ })).not.toBeInTheDocument();
    const state = await request(endpoints.getProbation);
    expect(state.level).toBe('healthy');
  });

  it('says why Done was refused', async () => {
    const view = await renderPage('marketer');
    const dialog = await openReview(view);
    for (const title of ['The consent your contacts must have given', 'Three ways to avoid emailing contacts without consent', 'Review your marketing contacts', 'Confirm your review']) {
      await next(view, dialog, title);
    }
    view.api.faults.failEndpoint('completeReview', 500);
    await view.user.click(within(dialog).getByRole('checkbox', { name: 'I have reviewed my contacts for email marketing' }));
    await view.user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The review could not be completed.');
    expect(within(dialog).getByRole('button', { name: 'Done' })).toBeEnabled();
    await view.user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await banner()).toHaveTextContent('Level: Probation');
  });
});
