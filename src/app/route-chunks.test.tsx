import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '../test/render-app';
import { reloadPage } from './reload-page';

vi.mock('./reload-page', () => ({ reloadPage: vi.fn() }));
// Stands in for a page whose file cannot be downloaded (offline, or replaced by a newer version).
vi.mock('../features/inboxes/components/inboxes-page', async () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});
vi.mock('../features/sequences/route-loaders', async () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

describe('a page whose code does not download', () => {
  it('shows the error state inside the layout, and Try again loads the page anew', async () => {
    const { user } = await renderApp({ url: '/settings/inboxes', user: 'rep' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Something went wrong' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('This page could not be downloaded.');
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(reloadPage).toHaveBeenCalledTimes(1);
  });

  it('does the same when the code that loads its data does not download', async () => {
    const { user } = await renderApp({ url: '/sequences', user: 'rep' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Something went wrong' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('This page could not be downloaded.');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(reloadPage).toHaveBeenCalled();
  });
});
