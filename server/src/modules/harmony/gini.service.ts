import { harmony, problemOf } from '@massline/shared';
import { AppError, invalidInput } from '../../common/app-error';
import { CsvSyntaxError, parseCsv, type CsvRecord } from '../../common/csv';
import { authorize } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
import type { CsvUpload } from '../../common/upload';
import { idOf } from '../../common/global-id';
import type { Region } from '../regions/region.entity';
import { RegionRepository } from '../regions/region.repository';
import type { GiniFromMicrodataInput, GiniFromSharesInput } from './dto/harmony.inputs';
import type { GiniResult } from './dto/harmony.outputs';
import type { ObservationMethod } from './harmony-enums';
import { observedPeriodCode } from '../../common/period';
import { harmonyInputError } from './harmony-errors';
import type { Indicator } from './indicator.entity';
import { IndicatorRepository } from './indicator.repository';
import type { ObservationService } from './observation.service';

const MAX_SOURCE_LENGTH = 300;

/** A file without an income column (or without any line): refused whether the header is wrong or missing. */
const noIncomeColumn = () =>
  new AppError('INVALID_GINI_INPUT', 'The header needs an income column (and optionally weight)', { csv: 'Header: income[,weight]' });

function numberAt(row: CsvRecord, index: number, name: 'income' | 'weight'): number {
  const text = row.cells[index] ?? '';
  const value = Number(text);
  if (text === '' || !Number.isFinite(value))
    throw new AppError('INVALID_GINI_INPUT', `Line ${row.line}: ${name} is not a number`, {
      csv: problemOf('CSV_LINE', { line: row.line }),
    });
  return value;
}

/** A Float64Array that grows as values are pushed (doubling), for a count not known until the file ends. */
class GrowingArray {
  private buffer = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.buffer.length) {
      const larger = new Float64Array(this.buffer.length * 2);
      larger.set(this.buffer);
      this.buffer = larger;
    }
    this.buffer[this.length++] = value;
  }

  values(): Float64Array {
    return this.buffer.subarray(0, this.length);
  }
}

/**
 * The Gini coefficient computed by the platform — from household income microdata (exact, optionally
 * weighted) or from grouped shares (Lorenz-quadratic fit, falling back to linear interpolation) — and
 * stored as the region's GINI observation with the method that produced it.
 */
export class GiniService {
  constructor(private readonly observations: ObservationService) {}

  /** Microdata sent as a GraphQL argument (a small file). */
  fromMicrodata(context: RequestContext, input: GiniFromMicrodataInput): Promise<GiniResult> {
    return this.microdata(
      context,
      input,
      (async function* () {
        yield parseCsv(input.csv);
      })(),
    );
  }

  /** Microdata streamed to `POST /uploads/gini-microdata?regionId=…&period=…[&source=…]` (up to the upload limit). */
  fromMicrodataUpload(context: RequestContext, upload: CsvUpload): Promise<GiniResult> {
    const { regionId = '', period = '', source = null } = upload.params;
    if (source !== null && source.length > MAX_SOURCE_LENGTH)
      throw invalidInput({ source: problemOf('TOO_LONG', { max: MAX_SOURCE_LENGTH }) });
    return this.microdata(context, { regionId: idOf('Region', regionId, 'regionId'), period, source }, upload.batches());
  }

  /** Household incomes read batch by batch into typed arrays (a million households is 8 MB, not a million objects). */
  private async microdata(
    context: RequestContext,
    input: { regionId: string; period: string; source?: string | null },
    batches: AsyncIterable<CsvRecord[]>,
  ): Promise<GiniResult> {
    const { region, period, indicator } = await this.target(context, input);
    let columns: { income: number; weight: number } | null = null;
    const incomes = new GrowingArray();
    const weights = new GrowingArray();
    try {
      for await (const batch of batches) {
        for (const row of batch) {
          if (!columns) {
            const names = row.cells.map((c) => c.toLowerCase());
            columns = { income: names.indexOf('income'), weight: names.indexOf('weight') };
            if (columns.income < 0) throw noIncomeColumn();
            continue;
          }
          incomes.push(numberAt(row, columns.income, 'income'));
          if (columns.weight >= 0) weights.push(numberAt(row, columns.weight, 'weight'));
        }
      }
    } catch (error) {
      if (error instanceof CsvSyntaxError)
        throw new AppError('INVALID_GINI_INPUT', error.message, { csv: problemOf('CSV_SYNTAX', { line: error.line }) });
      throw error;
    }
    if (!columns) throw noIncomeColumn();
    const weighted = columns.weight >= 0;
    let gini: number;
    try {
      gini = harmony.giniFromMicrodata(incomes.values(), weighted ? weights.values() : undefined);
    } catch (error) {
      harmonyInputError(error, 'csv', 'INVALID_GINI_INPUT');
    }
    const households = incomes.length;
    const source = input.source?.trim() || `microdata, ${households} households${weighted ? ', weighted' : ''}`;
    const observation = await this.store(context, region, period, indicator, gini, 'GINI_MICRODATA', source);
    return { gini, method: 'GINI_MICRODATA', households, fit: null, fallbackReasons: [], observation };
  }

  async fromShares(context: RequestContext, input: GiniFromSharesInput): Promise<GiniResult> {
    const { region, period, indicator } = await this.target(context, input);
    if (input.shares.length !== 5 && input.shares.length !== 10) throw invalidInput({ shares: problemOf('SHARES_COUNT') });
    let result: harmony.GroupedGiniResult;
    try {
      result = harmony.giniFromShares(input.shares);
    } catch (error) {
      harmonyInputError(error, 'shares', 'INVALID_GINI_INPUT');
    }
    const method: ObservationMethod = result.method === 'LORENZ_QUADRATIC' ? 'GINI_LORENZ_QUADRATIC' : 'GINI_LINEAR_INTERPOLATION';
    const source =
      input.source?.trim() ||
      `${input.shares.length === 5 ? 'quintile' : 'decile'} shares, ${result.method === 'LORENZ_QUADRATIC' ? 'Lorenz-quadratic fit' : 'linear interpolation (lower bound)'}`;
    const observation = await this.store(context, region, period, indicator, result.gini, method, source);
    return {
      gini: result.gini,
      method,
      households: null,
      fit: result.fit
        ? { a: result.fit.a, b: result.fit.b, c: result.fit.c, valid: result.fit.valid, reasons: [...result.fit.reasons] }
        : null,
      fallbackReasons: [...result.fallbackReasons],
      observation,
    };
  }

  private async target(context: RequestContext, input: { regionId: string; period: string }) {
    const period = observedPeriodCode(input.period);
    const region = await new RegionRepository(context.em).findById(input.regionId);
    if (!region) throw invalidInput({ regionId: problemOf('NO_SUCH_REGION') });
    authorize(context, 'create', 'Observation', { region }, 'regionId');
    const indicator = await new IndicatorRepository(context.em).getByCode('GINI');
    return { region, period, indicator };
  }

  private async store(
    context: RequestContext,
    region: Region,
    period: string,
    indicator: Indicator,
    gini: number,
    method: ObservationMethod,
    source: string,
  ) {
    const [observation] = await this.observations.write(context, [
      { region, period, indicator, value: gini, rawCount: null, rawTotal: null, method, source: source.slice(0, MAX_SOURCE_LENGTH) },
    ]);
    return observation;
  }
}
