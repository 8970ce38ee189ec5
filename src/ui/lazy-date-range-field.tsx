// The styles come with this module, so the placeholder has the field's size before its code is in.
import './date-range-field.css';
import { lazy, Suspense } from 'react';
import { loadRouteModule } from './chunk-load-error';
import type { DateRangeFieldProps } from './date-range-field';

// react-aria's date fields bring date arithmetic, calendars and number parsing with them, about
// a third of the sequence summary's code. They load beside the page instead of before it.
const DateRangeField = lazy(() => loadRouteModule(() => import('./date-range-field')).then((m) => ({ default: m.DateRangeField })));

/** The legend and two empty boxes the size of the fields, shown while their code downloads. */
function DateRangePlaceholder({ legend }: Pick<DateRangeFieldProps, 'legend'>) {
  return (
    <fieldset className="field date-range">
      <legend className="field__label">{legend}</legend>
      <div className="date-range__inputs" aria-hidden="true">
        <span className="input date-field__input">&nbsp;</span>
        <span>–</span>
        <span className="input date-field__input">&nbsp;</span>
      </div>
    </fieldset>
  );
}

/** DateRangeField, with its code fetched when it is first shown. */
export function LazyDateRangeField(props: DateRangeFieldProps) {
  return (
    <Suspense fallback={<DateRangePlaceholder legend={props.legend} />}>
      <DateRangeField {...props} />
    </Suspense>
  );
}
