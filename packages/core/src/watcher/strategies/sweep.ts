import type { ResolvedOptions } from '../options.js';
import { shiftTime } from '../position.js';
import type { WatcherState } from '../state.js';

/**
 * Where a newest-first listing may stop, or undefined for a full pass: full while the order is not
 * confirmed, and every `sweepEvery` polls (which also checks the order again). Times stop at the
 * watermark minus the lag buffer; ids (no clock to subtract from) at the previous poll's watermark.
 */
export function stopPoint(
  state: WatcherState,
  options: ResolvedOptions,
  order: 'time' | 'id',
): string | undefined {
  if (state.listOrder !== 'activity') return undefined;
  if ((state.polls + 1) % options.sweepEvery === 0) return undefined;
  if (order === 'time')
    return state.watermark === undefined ? undefined : shiftTime(state.watermark, -options.lagMs);
  return state.previousWatermark;
}
