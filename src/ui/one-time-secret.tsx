import { Heading } from 'react-aria-components';
import { CopyField, type CopyFieldProps } from './copy-field';

interface OneTimeSecretProps extends Omit<CopyFieldProps, 'autoSelect'> {
  title: string;
  doneLabel: string;
  onDone: () => void;
}

/**
 * The inside of a dialog showing a secret once (a new key, an invite link): the title, the
 * value selected in a `CopyField` so Ctrl+C copies it at once, and Done.
 */
export function OneTimeSecret({ title, doneLabel, onDone, ...field }: OneTimeSecretProps) {
  return (
    <>
      <Heading slot="title" className="dialog__title">
        {title}
      </Heading>
      <CopyField {...field} autoSelect />
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={onDone}>
          {doneLabel}
        </button>
      </div>
    </>
  );
}
