import { harmony } from '@massline/shared';
import { AppError, invalidInput } from '../../common/app-error';
import { CsvSyntaxError, parseCsv } from '../../common/csv';
import { authorize } from '../../common/operation-permission';
import type { RequestContext } from '../../common/request-context';
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

/**
 * The Gini coefficient computed by the platform — from household income microdata (exact, optionally
 * weighted) or from grouped shares (Lorenz-quadratic fit, falling back to linear interpolation) — and
 * stored as the region's GINI observation with the method that produced it.
 */
export class GiniService {
  constructor(private readonly observations: ObservationService) {}

  async fromMicrodata(context: RequestContext, input: GiniFromMicrodataInput): Promise<GiniResult> {
    const { region, period, indicator } = await this.target(context, input);
    let records;
    try {
      records = parseCsv(input.csv);
    } catch (error) {
      if (error instanceof CsvSyntaxError) throw new AppError('INVALID_GINI_INPUT', error.message, { csv: error.message });
      throw error;
    }
    const [header, ...rows] = records;
    const columns = header?.cells.map((c) => c.toLowerCase()) ?? [];
    const incomeAt = columns.indexOf('income');
    const weightAt = columns.indexOf('weight');
    if (incomeAt < 0)
      throw new AppError('INVALID_GINI_INPUT', 'The header needs an income column (and optionally weight)', {
        csv: 'Header: income[,weight]',
      });
    const incomes = new Float64Array(rows.length);
    const weights = weightAt >= 0 ? new Float64Array(rows.length) : undefined;
    rows.forEach((row, i) => {
      const income = Number(row.cells[incomeAt]);
      if (row.cells[incomeAt] === '' || !Number.isFinite(income))
        throw new AppError('INVALID_GINI_INPUT', `Line ${row.line}: income is not a number`, { csv: `Line ${row.line}` });
      incomes[i] = income;
      if (weights) {
        const weight = Number(row.cells[weightAt]);
        if (row.cells[weightAt] === '' || !Number.isFinite(weight))
          throw new AppError('INVALID_GINI_INPUT', `Line ${row.line}: weight is not a number`, { csv: `Line ${row.line}` });
        weights[i] = weight;
      }
    });
    let gini: number;
    try {
      gini = harmony.giniFromMicrodata(incomes, weights);
    } catch (error) {
      harmonyInputError(error, 'csv', 'INVALID_GINI_INPUT');
    }
    const source = input.source?.trim() || `microdata, ${rows.length} households${weights ? ', weighted' : ''}`;
    const observation = await this.store(context, region, period, indicator, gini, 'GINI_MICRODATA', source);
    return { gini, method: 'GINI_MICRODATA', households: rows.length, fit: null, fallbackReasons: [], observation };
  }

  async fromShares(context: RequestContext, input: GiniFromSharesInput): Promise<GiniResult> {
    const { region, period, indicator } = await this.target(context, input);
    if (input.shares.length !== 5 && input.shares.length !== 10) throw invalidInput({ shares: '5 quintile or 10 decile shares' });
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
    if (!region) throw invalidInput({ regionId: 'No such region' });
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
      { region, period, indicator, value: gini, rawCount: null, rawTotal: null, method, source: source.slice(0, 300) },
    ]);
    return observation;
  }
}
