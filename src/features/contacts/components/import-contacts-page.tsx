import './contacts.css';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { matchColumns, planImport, type ImportField } from '../../../domain/contact-import';
import { PageHeader } from '../../../ui/page-header';
import { CsvReadError, readCsv, type CsvProblem, type CsvTable } from '../read-csv';
import { useImportRun } from '../use-import-run';
import { ImportPreview } from './import-preview';
import { ImportResult } from './import-result';

type Stage =
  | { kind: 'choose'; problem: CsvProblem | null }
  | { kind: 'reading'; fileName: string; share: number; lines: number }
  | { kind: 'preview'; fileName: string; table: CsvTable };

/** Import contacts: choose a CSV file, check the preview (columns matched, rows with problems),
 * import the good rows in batches with progress, and see what was created, updated and skipped. */
export function ImportContactsPage() {
  const { t } = useTranslation();
  const [stage, setStage] = useState<Stage>({ kind: 'choose', problem: null });
  const [columns, setColumns] = useState<(ImportField | null)[]>([]);
  const { run, start, resume, reset } = useImportRun();
  const reading = useRef(0);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const errorId = useId();

  const table = stage.kind === 'preview' ? stage.table : null;
  const plan = useMemo(() => (table ? planImport(table.lines, columns) : null), [table, columns]);

  // A new file read or a reading failure: start the keyboard where the page changed.
  const focusTarget = useRef<HTMLElement | null>(null);
  useEffect(() => {
    focusTarget.current?.focus();
    focusTarget.current = null;
  });

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const attempt = ++reading.current;
    setStage({ kind: 'reading', fileName: file.name, share: 0, lines: 0 });
    try {
      const read = await readCsv(file, (share, lines) => {
        if (attempt === reading.current) setStage({ kind: 'reading', fileName: file.name, share, lines });
      });
      if (attempt !== reading.current) return;
      setColumns(matchColumns(read.headers));
      setStage({ kind: 'preview', fileName: file.name, table: read });
    } catch (error) {
      if (attempt !== reading.current) return;
      setStage({ kind: 'choose', problem: error instanceof CsvReadError ? error.problem : 'unreadable' });
      focusTarget.current = fileInputRef.current;
    }
  };

  const chooseAnother = () => {
    reading.current++;
    reset();
    setStage({ kind: 'choose', problem: null });
    focusTarget.current = fileInputRef.current;
  };

  const backLink = (
    <Link to="/contacts" className="back-link">
      <span aria-hidden="true">← </span>
      {t('contacts.import.back')}
    </Link>
  );

  let body;
  if (run.state !== 'idle') {
    body = (
      <ImportResult
        run={run}
        skipped={plan?.badRows.length ?? 0}
        onRetry={() => void resume()}
        onImportAnother={chooseAnother}
      />
    );
  } else if (stage.kind === 'preview' && plan) {
    body = (
      <ImportPreview
        fileName={stage.fileName}
        table={stage.table}
        columns={columns}
        onColumnsChange={setColumns}
        plan={plan}
        onImport={() => start(plan.rows)}
        onChooseAnother={chooseAnother}
      />
    );
  } else {
    const problem = stage.kind === 'choose' ? stage.problem : null;
    body = (
      <div className="import-file">
        <p className="import-file__intro">{t('contacts.import.intro')}</p>
        <div className="field">
          <label className="field__label" htmlFor={`${hintId}-file`}>
            {t('contacts.import.fileLabel')}
          </label>
          <input
            ref={fileInputRef}
            id={`${hintId}-file`}
            type="file"
            className="import-file__input"
            accept=".csv,text/csv"
            aria-describedby={problem ? `${hintId} ${errorId}` : hintId}
            aria-invalid={problem ? true : undefined}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              void onFile(file);
            }}
          />
          <p id={hintId} className="field__hint">
            {t('contacts.import.fileHint')}
          </p>
          {problem ? (
            <p id={errorId} className="field__error" role="alert">
              {t(`contacts.import.problems.${problem}`)}
            </p>
          ) : null}
        </div>
        {stage.kind === 'reading' ? (
          <div className="import-progress" role="status">
            <progress className="import-progress__bar" max={1} value={stage.share} aria-label={t('contacts.import.reading')} />
            <span>{t('contacts.import.readingProgress', { file: stage.fileName, lines: stage.lines })}</span>
          </div>
        ) : null}
      </div>
    );
  }

  return (
    <>
      <PageHeader title={t('contacts.import.title')} eyebrow={backLink} />
      {body}
    </>
  );
}
