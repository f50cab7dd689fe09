import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { plural } from '../../app/i18n/plural';
import { localApiError, toApiProblem, type ApiError } from '../../app/api-error';
import type { ResultOf } from '../../app/graphql';
import { useHarmonyI18n, type HarmonyI18n } from './harmony-i18n';
import { useSession } from '../../app/session-provider';
import { DataTable, type Column } from '../../lib/data-table';
import { errorMessage, problemText } from '../../lib/error-message';
import { FormField } from '../../lib/form-field';
import { defaultEntryPeriod, downloadText } from './download';
import { ImportObservationsMutation } from './observation.operations';
import { uploadFile } from './upload-operation';
import { indicatorName } from './harmony-format';
import { useIndicatorCatalogue } from './use-harmony-data';

/** The upload answers what the importObservations mutation answers (its document names the fields). */
type ImportReport = ResultOf<typeof ImportObservationsMutation>['importObservations'];
type ImportRowError = ImportReport['errors'][number];

export const IMPORT_COLUMNS = ['region_code', 'period', 'indicator', 'value', 'raw_count', 'raw_total', 'source'] as const;

const PHASES = ['uploading', 'processing'] as const;
type Phase = 'idle' | (typeof PHASES)[number] | 'done' | 'failed';

/** How far along the bar each phase runs: the upload (measured), then the server's work (not measured). */
function overallProgress(phase: Phase, fraction: number): number | null {
  if (phase === 'uploading') return 0.8 * fraction;
  if (phase === 'processing') return null; // the server checks every row, then writes: no measure of it
  if (phase === 'done' || phase === 'failed') return 1;
  return 0;
}

/**
 * Why a row was refused, in the reader's language: its problem worded with the indicator's name; for a
 * problem this console does not know, the translation of the refusal's reason; English only in English.
 */
function rowMessage(row: ImportRowError, i18n: HarmonyI18n, indicatorOf: (code: string) => string): string {
  const problem = toApiProblem(row.problem, row.params);
  const worded = problem && problemText(problem, i18n, { indicator: indicatorOf });
  if (worded) return worded;
  return i18n.tryTranslate(`reason.${row.errorReason}`) ?? (i18n.locale === 'en' ? row.reason : i18n.t('problem.INVALID'));
}

function templateCsv(regionCode: string): string {
  const period = defaultEntryPeriod();
  return [
    IMPORT_COLUMNS.join(','),
    `${regionCode},${period},GINI,0.38,,,Household income survey`,
    `${regionCode},${period},PETITIONS,,42,,Letters and visits office`,
    `${regionCode},${period},HOT_ISSUES,,45,50,Satisfaction survey`,
    '',
  ].join('\n');
}

/**
 * CSV import of observations: every row or none. The progress bar follows the phases — uploading the
 * file (measured, streamed from disk), the server checking and writing — then the report: what was written
 * and which periods were recomputed, or that nothing was written and every bad line with why.
 */
export function ImportPage() {
  const i18n = useHarmonyI18n();
  const { t } = i18n;
  const { user } = useSession();
  const catalogue = useIndicatorCatalogue();
  const indicatorOf = (code: string) => indicatorName(catalogue.byCode, code.toUpperCase(), i18n.locale);
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileMissing, setFileMissing] = useState(false);
  const [phase, setPhase] = useState<Phase>('idle');
  const [fraction, setFraction] = useState(0);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const busy = phase === 'uploading' || phase === 'processing';
  const template = templateCsv(user?.region.code ?? '88');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setFileMissing(true);
      return;
    }
    setReport(null);
    setError(null);
    setFraction(0);
    setPhase('uploading');
    // The file goes from disk to the server as it is read (a streamed upload), never whole into the page.
    const result = await uploadFile<ImportReport>(
      'observations',
      file,
      {},
      {
        onUploadProgress: setFraction,
        onUploaded: () => setPhase('processing'),
      },
    );
    if (result.error || !result.data) {
      setPhase('failed');
      setError(result.error ?? localApiError(t('error.unknown')));
      return;
    }
    setPhase('done');
    setReport(result.data);
  };

  const progress = overallProgress(phase, fraction);
  const errorColumns: Column<ImportRowError>[] = [
    { id: 'line', header: t('harmony.import.line'), className: 'numeric', cell: (row) => row.line },
    {
      id: 'column',
      header: t('harmony.import.column'),
      cell: (row) => (row.column && row.column !== 'csv' ? <code>{row.column}</code> : '—'),
    },
    { id: 'reason', header: t('harmony.import.reason'), cell: (row) => rowMessage(row, i18n, indicatorOf) },
  ];

  return (
    <section className="page" data-testid="import-page">
      <header className="page-header">
        <h1>{t('harmony.import.title')}</h1>
        <p className="page-intro">{t('harmony.import.intro')}</p>
      </header>
      <div className="two-columns">
        <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="import-form-title">
          <h2 id="import-form-title">{t('harmony.import.choose')}</h2>
          <FormField
            label={t('harmony.import.file')}
            hint={t('harmony.import.fileHint')}
            error={fileMissing ? t('harmony.import.fileRequired') : undefined}
          >
            {(control) => (
              <input
                {...control}
                ref={fileInput}
                type="file"
                accept=".csv,text/csv"
                data-testid="import-file"
                disabled={busy}
                onChange={(event) => {
                  setFile(event.target.files?.[0] ?? null);
                  setFileMissing(false);
                  setPhase('idle');
                  setReport(null);
                  setError(null);
                }}
              />
            )}
          </FormField>
          <div className="form-actions">
            <button type="submit" className="button button-primary" data-testid="import-submit" disabled={busy}>
              {busy ? t('harmony.import.importing') : t('harmony.import.submit')}
            </button>
          </div>
          {phase !== 'idle' && (
            <div className="import-progress" data-testid="import-progress" aria-live="polite">
              {progress === null ? (
                <progress aria-label={t('harmony.import.progress')} />
              ) : (
                <progress aria-label={t('harmony.import.progress')} max={100} value={Math.round(progress * 100)} />
              )}
              <ol className="phase-list">
                {PHASES.map((step, index) => {
                  const currentIndex = phase === 'done' ? PHASES.length : PHASES.findIndex((candidate) => candidate === phase);
                  const state = index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'pending';
                  return (
                    <li key={step} className={`phase phase-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
                      <span aria-hidden="true">{state === 'done' ? '✓ ' : state === 'current' ? '… ' : '○ '}</span>
                      {t(`harmony.import.phase.${step}`)}
                      {state === 'current' && step !== 'processing' && ` ${Math.round(fraction * 100)} %`}
                    </li>
                  );
                })}
              </ol>
            </div>
          )}
          {error && (
            <div className="alert alert-error" role="alert">
              {errorMessage(error, i18n)}
            </div>
          )}
        </form>
        <section className="card" aria-labelledby="import-template-title">
          <h2 id="import-template-title">{t('harmony.import.templateTitle')}</h2>
          <p className="muted">{t('harmony.import.templateIntro')}</p>
          <pre className="csv-sample">{template}</pre>
          <ul className="column-help">
            {IMPORT_COLUMNS.map((column) => (
              <li key={column}>
                <code>{column}</code> — {t(`harmony.import.column.${column}`)}
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button"
            data-testid="import-template"
            onClick={() => downloadText('massline-observations-template.csv', template)}
          >
            {t('harmony.import.downloadTemplate')}
          </button>
        </section>
      </div>
      {report && (
        <section className="card" data-testid="import-report" aria-labelledby="import-report-title">
          <h2 id="import-report-title">{t('harmony.import.reportTitle', { name: file?.name ?? '' })}</h2>
          {report.accepted ? (
            <div className="alert alert-success" role="status" data-testid="import-accepted">
              <p>
                <strong>{plural(i18n, 'harmony.import.accepted', report.rowCount)}</strong>
              </p>
              <dl className="details-list">
                <dt>{t('harmony.import.written')}</dt>
                <dd data-testid="import-written">{report.written}</dd>
                <dt>{t('harmony.import.corrected')}</dt>
                <dd data-testid="import-corrected">{report.corrected}</dd>
                <dt>{t('harmony.import.recomputed')}</dt>
                <dd data-testid="import-recomputed">{report.recomputedPeriods.length ? report.recomputedPeriods.join(', ') : '—'}</dd>
              </dl>
              <p>
                <Link to="/harmony/observations">{t('harmony.import.seeObservations')}</Link> ·{' '}
                <Link to="/">{t('harmony.import.seeDashboard')}</Link>
              </p>
            </div>
          ) : (
            <>
              <div className="alert alert-error" role="alert" data-testid="import-rejected">
                <p>
                  <strong>{t('harmony.import.rejected')}</strong>
                </p>
                <p>{plural(i18n, 'harmony.import.rejectedCount', report.errors.length, { rows: report.rowCount })}</p>
              </div>
              <DataTable
                caption={t('harmony.import.errorsCaption')}
                columns={errorColumns}
                rows={report.errors}
                rowKey={(row) => `${row.line}-${row.reason}`}
                rowTestId="import-error-row"
                emptyMessage="—"
              />
            </>
          )}
        </section>
      )}
    </section>
  );
}
