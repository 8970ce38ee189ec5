import './overlays.css';
import { useId, useState } from 'react';
import { Button, DialogTrigger, Popover } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { isEmailProblem } from './flag-code';
import { FlagExplanation } from './flag-explanation';
import type { FlagRemedyProps } from './flag-remedy';

interface EnrollmentFlagProps extends FlagRemedyProps {
  inbox?: { address: string; connected: boolean } | null;
}

/**
 * An error flag: a button showing the code verbatim (enrollment errors) or the problem's
 * name (send problems) that opens its explanation. Escape closes it and focus returns here.
 */
export function EnrollmentFlag({ onReenroll, ...props }: EnrollmentFlagProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const [isOpen, setOpen] = useState(false);
  const { code } = props;
  const email = isEmailProblem(code);
  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={setOpen}>
      <Button className={email ? 'flag flag--email' : 'flag flag--enroll'}>
        <svg className="flag__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M8 1.5 15 14H1z" />
          <path className="flag__mark" d="M8 6v3.5M8 11.5v.01" />
        </svg>
        {email ? t(`flags.${code}.title`) : <code>{code}</code>}
      </Button>
      {/* The popover is the dialog itself (react-aria gives it role=dialog), named by its heading. */}
      <Popover placement="bottom start" offset={6} className="popover flag-dialog" aria-labelledby={titleId}>
        <FlagExplanation
          {...props}
          titleId={titleId}
          onReenroll={
            onReenroll &&
            (async (step) => {
              await onReenroll(step);
              setOpen(false);
            })
          }
        />
        <div className="flag-dialog__footer">
          <Button className="button button--quiet button--small" onPress={() => setOpen(false)}>
            {t('common.close')}
          </Button>
        </div>
      </Popover>
    </DialogTrigger>
  );
}
