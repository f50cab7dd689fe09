import { harmony, isoDate, periodProblems } from '@massline/shared';
import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { ResultOf } from '../../app/graphql';
import { useHarmonyI18n } from './harmony-i18n';
import { useSession } from '../../app/session-provider';
import { FormAlert, FormField } from '../../lib/form-field';
import { useApiMutation } from '../../lib/use-api-mutation';
import { RegionSelect, type RegionOption } from '../regions/region-select';
import { defaultEntryPeriod } from './download';
import { formatFixed } from './harmony-format';
import { GiniFromSharesMutation } from './observation.operations';
import { useUpload } from './upload-operation';
import { useFieldMessages } from '../../lib/error-message';

type GiniResult = ResultOf<typeof GiniFromSharesMutation>['computeGiniFromShares'];
type Tool = 'microdata' | 'shares';

const MICRODATA_EXAMPLE = 'income,weight\n18500,1.2\n24300,0.8\n31800,1\n52000,1.1\n';

/**
 * The platform computes a Gini coefficient and records it as the region's GINI observation: exactly
 * from household incomes (optionally weighted), or from quintile / decile shares by a Lorenz-quadratic
 * fit — falling back, when the fit is not a valid Lorenz curve, to linear interpolation, which is only
 * a lower bound. The result says which method produced the figure, and why a fit was refused.
 */
export function GiniTools() {
  const { t } = useHarmonyI18n();
  const { user } = useSession();
  const [tool, setTool] = useState<Tool>('microdata');
  const [region, setRegion] = useState<RegionOption | null>(null);
  const [period, setPeriod] = useState(defaultEntryPeriod);
  const [source, setSource] = useState('');
  const [csv, setCsv] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [groups, setGroups] = useState<5 | 10>(5);
  const [shares, setShares] = useState<string[]>(() => Array<string>(5).fill(''));
  const [checks, setChecks] = useState<Record<string, string>>({});
  const [result, setResult] = useState<GiniResult | null>(null);
  // Microdata can be large (a million households is ~10 MB): streamed to the server as an upload.
  const fromMicrodata = useUpload<GiniResult>('gini-microdata');
  const fromShares = useApiMutation(GiniFromSharesMutation);
  const mutation = tool === 'microdata' ? fromMicrodata : fromShares;
  const fields = { ...useFieldMessages(mutation.error), ...checks };
  const shareNumbers = shares.map((share) => Number(share));
  const shareSum = shareNumbers.reduce((sum, share) => sum + (Number.isFinite(share) ? share : 0), 0);

  const chooseGroups = (count: 5 | 10) => {
    setGroups(count);
    setShares(Array<string>(count).fill(''));
  };

  // A chosen file is sent from disk as it is (a million households is ~10 MB: too much for a text box).
  const chooseFile = (event: ChangeEvent<HTMLInputElement>) => {
    setFile(event.target.files?.[0] ?? null);
    setCsv('');
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    const found: Record<string, string> = {};
    if (!region) found.regionId = t('form.chooseRegion');
    const periodProblem = periodProblems(period.trim(), isoDate());
    if (periodProblem) found.period = t(`reason.${periodProblem}`);
    if (tool === 'microdata' && !file && !csv.trim()) found.csv = t('harmony.gini.csvRequired');
    if (tool === 'shares' && shares.some((share) => share.trim() === '' || !Number.isFinite(Number(share)) || Number(share) < 0)) {
      found.shares = t('harmony.gini.sharesRequired', { count: groups });
    }
    setChecks(found);
    if (!region || Object.keys(found).length > 0) return;
    const common = { regionId: region.id, period: period.trim(), source: source.trim() || null };
    if (tool === 'microdata') {
      const done = await fromMicrodata.run(file ?? csv, {
        regionId: common.regionId,
        period: common.period,
        ...(common.source ? { source: common.source } : {}),
      });
      if (done) setResult(done);
    } else {
      const done = await fromShares.run({ input: { ...common, shares: shareNumbers } });
      if (done) setResult(done.computeGiniFromShares);
    }
  };

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="gini-title" data-testid="gini-tools">
      <h2 id="gini-title">{t('harmony.gini.title')}</h2>
      <p className="muted">{t('harmony.gini.intro')}</p>
      <div className="segmented" role="radiogroup" aria-label={t('harmony.gini.tool')}>
        {(['microdata', 'shares'] as const).map((candidate) => (
          <label key={candidate} className={tool === candidate ? 'segment is-selected' : 'segment'}>
            <input
              type="radio"
              name="gini-tool"
              value={candidate}
              checked={tool === candidate}
              data-testid={`gini-tool-${candidate}`}
              onChange={() => {
                setTool(candidate);
                setResult(null);
                setChecks({});
              }}
            />
            {t(`harmony.gini.tool.${candidate}`)}
          </label>
        ))}
      </div>
      <FormAlert error={mutation.error} />
      {mutation.error && mutation.error.reason === 'INVALID_GINI_INPUT' && <p className="muted">{mutation.error.message}</p>}
      <div className="form-grid">
        <FormField label={t('field.region')} error={fields.regionId}>
          {(control) => (
            <RegionSelect control={control} value={region} onChange={setRegion} withinId={user?.region.id} testId="gini-region" />
          )}
        </FormField>
        <FormField label={t('harmony.period')} hint={t('form.periodHint')} error={fields.period}>
          {(control) => <input {...control} data-testid="gini-period" value={period} onChange={(event) => setPeriod(event.target.value)} />}
        </FormField>
      </div>
      {tool === 'microdata' ? (
        <>
          <FormField label={t('harmony.gini.csv')} hint={t('harmony.gini.csvHint')} error={fields.csv}>
            {(control) => (
              <textarea
                {...control}
                rows={6}
                className="mono"
                spellCheck={false}
                placeholder={MICRODATA_EXAMPLE}
                data-testid="gini-csv"
                value={csv}
                onChange={(event) => {
                  setCsv(event.target.value);
                  setFile(null);
                  if (fileInput.current) fileInput.current.value = '';
                }}
              />
            )}
          </FormField>
          <FormField label={t('harmony.gini.csvFile')}>
            {(control) => (
              <input
                {...control}
                type="file"
                accept=".csv,text/csv,text/plain"
                ref={fileInput}
                data-testid="gini-file"
                onChange={chooseFile}
              />
            )}
          </FormField>
        </>
      ) : (
        <fieldset className="field" aria-describedby="gini-shares-hint">
          <legend>{t('harmony.gini.shares')}</legend>
          <div className="segmented" role="radiogroup" aria-label={t('harmony.gini.groups')}>
            {([5, 10] as const).map((count) => (
              <label key={count} className={groups === count ? 'segment is-selected' : 'segment'}>
                <input
                  type="radio"
                  name="gini-groups"
                  checked={groups === count}
                  onChange={() => chooseGroups(count)}
                  data-testid={`gini-groups-${count}`}
                />
                {t(count === 5 ? 'harmony.gini.quintiles' : 'harmony.gini.deciles')}
              </label>
            ))}
          </div>
          <small id="gini-shares-hint" className="field-hint">
            {t('harmony.gini.sharesHint')}
          </small>
          <div className="shares-grid">
            {shares.map((share, index) => (
              <label key={index} className="filter">
                <span>{t('harmony.gini.group', { group: index + 1, count: groups })}</span>
                <input
                  type="number"
                  inputMode="decimal"
                  step="any"
                  min={0}
                  data-testid="gini-share"
                  aria-invalid={fields.shares ? true : undefined}
                  value={share}
                  onChange={(event) => setShares(shares.map((current, i) => (i === index ? event.target.value : current)))}
                />
              </label>
            ))}
          </div>
          <small className="field-hint" aria-live="polite">
            {t('harmony.gini.sharesSum', { sum: formatFixed('en', shareSum, 2) })}
          </small>
          {fields.shares && <small className="field-error">{fields.shares}</small>}
        </fieldset>
      )}
      <FormField label={t('harmony.source')} hint={t('harmony.gini.sourceHint')} error={fields.source}>
        {(control) => <input {...control} maxLength={300} value={source} onChange={(event) => setSource(event.target.value)} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="gini-submit" disabled={mutation.fetching}>
          {t('harmony.gini.submit')}
        </button>
      </div>
      {result && <GiniResultPanel result={result} />}
    </form>
  );
}

function GiniResultPanel({ result }: { result: GiniResult }) {
  const { t, tryTranslate, locale, regionName } = useHarmonyI18n();
  const reasonText = (reason: string) =>
    tryTranslate(`harmony.lorenzReason.${reason}`) ??
    (reason in harmony.QUADRATIC_LORENZ_REASON_TEXT
      ? harmony.QUADRATIC_LORENZ_REASON_TEXT[reason as harmony.QuadraticLorenzInvalidReason]
      : reason);
  const lowerBound = result.method === 'GINI_LINEAR_INTERPOLATION';
  return (
    <section
      className={lowerBound ? 'gini-result alert alert-warning' : 'gini-result alert alert-success'}
      role="status"
      data-testid="gini-result"
    >
      <p className="gini-figure">
        {t('harmony.gini.result', { gini: formatFixed(locale, result.gini, 3) })}{' '}
        <span className="badge" data-testid="gini-method">
          {t(`harmony.observationMethod.${result.method}`)}
        </span>
      </p>
      <p>{t(`harmony.gini.explain.${result.method}`, { households: result.households ?? 0 })}</p>
      {lowerBound && (
        <>
          <p>
            <strong>{t('harmony.gini.lowerBound')}</strong>
          </p>
          {result.fallbackReasons.length > 0 && (
            <>
              <p>{t('harmony.gini.fitRefused')}</p>
              <ul data-testid="gini-fallback-reasons">
                {result.fallbackReasons.map((reason) => (
                  <li key={reason}>{reasonText(reason)}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {result.fit && (
        <p className="muted">
          {t('harmony.gini.fit', {
            a: formatFixed(locale, result.fit.a, 4),
            b: formatFixed(locale, result.fit.b, 4),
            c: formatFixed(locale, result.fit.c, 4),
            valid: t(result.fit.valid ? 'harmony.gini.fitValid' : 'harmony.gini.fitInvalid'),
          })}
        </p>
      )}
      <p className="muted">
        {t('harmony.gini.stored', {
          region: regionName(result.observation.region),
          period: result.observation.period,
          revision: result.observation.revision,
        })}
      </p>
    </section>
  );
}
