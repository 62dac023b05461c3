// The fault matrix: every fault the sandbox injects × every operation × every marketplace, through
// the real clients over loopback HTTP. Each cell must end in success or a typed error; reads are
// retried to success when the fault passes; a send or start never leaves two behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CAPABILITIES,
  DEFAULT_RETRY,
  MARKETPLACES,
  type MarketplaceId,
  SellerChatError,
} from '../src/index.js';
import { fastRuntime } from './support/fast-runtime.js';
import { ALL_FAULT_CASES, FAULT_CASES, type FaultCase, sandboxFaultKinds } from './support/fault-cases.js';
import {
  type MatrixOperation,
  NOT_IN_MATRIX,
  OPERATIONS,
  VARIANTS,
  type Variant,
} from './support/fault-operations.js';
import { type FaultSandbox, openFaultSandbox } from './support/fault-sandbox.js';

let sb: FaultSandbox;
beforeAll(async () => {
  sb = await openFaultSandbox();
});
afterAll(async () => {
  await sb?.close();
});

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

async function settle(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Anything but a SellerChatError is a crash: the message says what escaped. */
function typedError(outcome: Outcome): SellerChatError | undefined {
  if (outcome.ok) return undefined;
  const { error } = outcome;
  if (!(error instanceof SellerChatError)) {
    expect.fail(`untyped error escaped: ${error instanceof Error ? error.stack : String(error)}`);
  }
  return error;
}

function describeOutcome(outcome: Outcome): string {
  if (outcome.ok) return 'success';
  const error = outcome.error as Partial<SellerChatError>;
  return `${error.kind ?? 'untyped'}: ${error.message}`;
}

it('covers exactly the fault kinds the sandbox injects', () => {
  expect(sandboxFaultKinds(sb.control).sort()).toEqual(Object.keys(FAULT_CASES).sort());
});

it('covers every operation the clients share', () => {
  const runtime = fastRuntime();
  const methods = MARKETPLACES.map((m) =>
    Object.keys(sb.client(m, runtime, 1000).client).filter(
      (k) => !['marketplace', 'capabilities'].includes(k),
    ),
  );
  const shared = methods.reduce((all, some) => all.filter((k) => some.includes(k)));
  const covered = [...OPERATIONS.map((o) => o.method), ...Object.keys(NOT_IN_MATRIX)];
  expect(shared.filter((k) => !covered.includes(k))).toEqual([]);
});

interface Cell {
  label: string;
  operation: MatrixOperation;
  variant: Variant;
}

const cells: Cell[] = OPERATIONS.flatMap((operation) =>
  VARIANTS.map((variant) => ({ label: `${operation.name}, ${variant.name}`, operation, variant })),
);

describe.each(MARKETPLACES)('%s', (marketplace: MarketplaceId) => {
  const capabilities = CAPABILITIES[marketplace];

  describe.each(ALL_FAULT_CASES)('$name', (fault: FaultCase) => {
    it.each(cells)('$label', async ({ operation, variant }) => {
      sb.fresh();
      const runtime = fastRuntime();
      const { client, counter } = sb.client(marketplace, runtime, fault.timeoutMs);
      const tag = `${marketplace} ${fault.name} ${operation.name} ${variant.name}`;
      const base = {
        ...fault.fault(marketplace),
        marketplace,
        ...(variant.times ? { times: variant.times } : {}),
      };

      if (!operation.supported(capabilities)) {
        // Not a silent no-op, and refused before any request: the fault never fires.
        sb.control.addFault(base);
        const outcome = await settle(() =>
          operation
            .prepare({ marketplace, client, control: sb.control, module: sb.module(marketplace), tag })
            .then((p) => p.run()),
        );
        expect(typedError(outcome)?.kind, describeOutcome(outcome)).toBe('not_supported');
        expect(counter.requests).toHaveLength(0);
        return;
      }

      const prepared = await operation.prepare({
        marketplace,
        client,
        control: sb.control,
        module: sb.module(marketplace),
        tag,
      });
      const before = prepared.count?.();
      const injected = sb.control.addFault({ ...base, ...operation.target(marketplace) });
      const outcome = await settle(prepared.run);
      const error = typedError(outcome);
      const said = describeOutcome(outcome);
      if (fault.lateHandlerMs !== undefined && prepared.count) {
        // A request the client gave up on is still handled once its latency passes: count after that.
        await new Promise((resolve) => setTimeout(resolve, fault.lateHandlerMs! + 250));
      }
      // A fault with `times` leaves the list once used up; one still listed shows how often it fired.
      const listed = sb.control.faults().find((f) => f.id === injected.id);
      const applied = listed ? listed.applied : (variant.times ?? 0);
      expect(applied, 'the fault never reached the sandbox: the cell tests nothing').toBeGreaterThan(0);

      const kind = operation.classOf(marketplace);
      if (kind === 'read' || kind === 'retried-write') {
        if (variant.times !== undefined || fault.persistentRead === 'success') {
          expect(said).toBe('success');
        } else {
          expect(error?.kind, said).toBe(fault.persistentRead);
          expect(applied, 'every attempt of the retry budget met the fault').toBe(DEFAULT_RETRY.maxAttempts);
        }
        if (variant.times !== undefined && fault.retryAfterMs !== undefined) {
          // Retry-After is honoured: the pipeline waited what the marketplace asked.
          expect(runtime.waits).toContain(fault.retryAfterMs);
        }
      } else if (operation.guarded && fault.sendRecoversOnce && variant.times !== undefined) {
        expect(said, 'sendOnce recovers from a one-off ambiguous failure').toBe('success');
      }

      if (prepared.count && before !== undefined) {
        const grew = prepared.count() - before;
        // Never two: exactly one on success; on a typed error zero or one (the send may have arrived).
        if (outcome.ok) expect(grew, said).toBe(1);
        else expect(grew, said).toBeLessThanOrEqual(1);
      }
    });
  });
});
