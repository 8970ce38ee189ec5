import { describe, expect, it } from 'vitest';
import { MAX_BULK_IDS } from '../../contract/enrollments';
import {
  ALL_MATCHING,
  NO_SELECTION,
  bulkUnenrollRequest,
  filterKey,
  isSelected,
  loadedState,
  selectedCount,
  toggleLoaded,
  toggleRow,
} from './enrollment-selection';

const loaded = ['1', '2', '3'];

describe('enrollment selection', () => {
  it('ticks and unticks rows, and says whether none, some or all loaded rows are ticked', () => {
    let s = toggleRow(NO_SELECTION, '2');
    expect(loadedState(s, loaded)).toBe('some');
    expect(selectedCount(s, 500)).toBe(1);
    s = toggleLoaded(s, loaded);
    expect(loadedState(s, loaded)).toBe('all');
    expect(selectedCount(s, 500)).toBe(3);
    s = toggleLoaded(s, loaded);
    expect(s).toEqual(NO_SELECTION);
    expect(loadedState(s, loaded)).toBe('none');
  });

  it('counts "all matching" by the total, and unticking a row leaves out that row only', () => {
    expect(selectedCount(ALL_MATCHING, 1234)).toBe(1234);
    expect(isSelected(ALL_MATCHING, '999')).toBe(true);
    const s = toggleRow(ALL_MATCHING, '2');
    expect(s.kind).toBe('all');
    expect(selectedCount(s, 1234)).toBe(1233);
    expect(isSelected(s, '2')).toBe(false);
    expect(isSelected(s, '999')).toBe(true);
    expect(loadedState(s, loaded)).toBe('some');
    // Ticking it again, or the header checkbox, brings it back.
    expect(selectedCount(toggleRow(s, '2'), 1234)).toBe(1234);
    expect(selectedCount(toggleLoaded(s, loaded), 1234)).toBe(1234);
  });

  it('asks by ids, or by the filter with the confirmed count', () => {
    const ids = toggleLoaded(NO_SELECTION, loaded);
    expect(bulkUnenrollRequest('7', ids, { status: 'active' }, 3, 40)).toEqual({ by: 'ids', sequenceId: '7', ids: loaded });
    expect(bulkUnenrollRequest('7', ALL_MATCHING, { status: 'active' }, 40, 40)).toEqual({
      by: 'filter',
      sequenceId: '7',
      filter: { status: 'active' },
      expectedTotal: 40,
    });
    expect(bulkUnenrollRequest('7', toggleRow(ALL_MATCHING, '2'), { status: 'active' }, 39, 40)).toEqual({
      by: 'filter',
      sequenceId: '7',
      filter: { status: 'active' },
      except: ['2'],
      expectedTotal: 39,
    });
    const many = Array.from({ length: MAX_BULK_IDS + 1 }, (_, i) => String(i + 1));
    const everyRow = toggleLoaded(NO_SELECTION, many);
    expect(bulkUnenrollRequest('7', everyRow, {}, many.length, many.length).by).toBe('filter');
  });

  it('keys equal filters alike whatever the order of their fields', () => {
    expect(filterKey({ status: 'active', q: 'ada' })).toBe(filterKey({ q: 'ada', status: 'active' }));
    expect(filterKey({ status: 'active' })).not.toBe(filterKey({ status: 'paused' }));
  });
});
