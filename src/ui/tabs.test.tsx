import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Tabs } from './tabs';

type Fruit = 'apples' | 'pears' | 'plums';

function Fruits({ initial = 'apples' }: { initial?: Fruit }) {
  const [selected, setSelected] = useState<Fruit>(initial);
  return (
    <Tabs
      label="Fruit"
      tabs={[
        { id: 'apples', label: 'Apples' },
        { id: 'pears', label: 'Pears' },
        { id: 'plums', label: 'Plums' },
      ]}
      selected={selected}
      onSelect={setSelected}
    >
      <p>About {selected}</p>
    </Tabs>
  );
}

describe('Tabs', () => {
  it('names the list, marks the selected tab and shows its panel only, named by the tab', () => {
    render(<Fruits initial="pears" />);
    expect(screen.getByRole('tablist', { name: 'Fruit' })).toBeInTheDocument();
    expect(screen.getAllByRole('tab').map((t) => [t.textContent, t.getAttribute('aria-selected')])).toEqual([
      ['Apples', 'false'],
      ['Pears', 'true'],
      ['Plums', 'false'],
    ]);
    const panel = screen.getByRole('tabpanel', { name: 'Pears' });
    expect(panel).toHaveTextContent('About pears');
    expect(screen.getByRole('tab', { name: 'Pears' })).toHaveAttribute('aria-controls', panel.id);
    expect(screen.getAllByRole('tabpanel')).toHaveLength(1);
  });

  it('is one stop in the tab order; the arrow keys, Home and End move between the tabs and select them', async () => {
    const user = userEvent.setup();
    render(
      <>
        <button type="button">Before</button>
        <Fruits />
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Before' }));
    await user.tab();
    expect(screen.getByRole('tab', { name: 'Apples' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('tabpanel', { name: 'Apples' })).toHaveFocus();
    await user.tab({ shift: true });

    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Pears' })).toHaveFocus();
    expect(screen.getByRole('tabpanel', { name: 'Pears' })).toHaveTextContent('About pears');
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'Plums', selected: true })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Apples', selected: true })).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Plums', selected: true })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(screen.getByRole('tab', { name: 'Apples', selected: true })).toHaveFocus();
    expect(screen.getByRole('tabpanel')).toHaveTextContent('About apples');
  });

  it('selects a tab when it is clicked', async () => {
    const user = userEvent.setup();
    render(<Fruits />);
    await user.click(screen.getByRole('tab', { name: 'Plums' }));
    expect(screen.getByRole('tab', { name: 'Plums' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Plums' })).toHaveTextContent('About plums');
  });
});
