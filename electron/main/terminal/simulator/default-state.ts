// The demo terminal: a PAX A920 at a Shanghai convenience store, bound to a UnionPay-style
// acquirer, with a small open batch. Its parameters are the "terminal before rebinding" of
// docs/protocol.md §4, so its digest is the documented 52b609ff…
import { isVolatileParameter, tagFromText } from '../../../../shared/rtp';
import { DEMO_TERMINAL_PARAMETERS } from './demo-parameters';
import type { SimulatorStateInit } from './terminal-state';

// A slot holds the stored set; STAN and batch number live in the state's own counters.
function withoutVolatile(params: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter(([tag]) => !isVolatileParameter(tagFromText(tag) ?? -1)));
}

/** A fresh copy of the demo terminal's state. */
export function defaultSimulatorState(): SimulatorStateInit {
  return {
    identity: { vendor: 'PAX', model: 'A920', serialNumber: '1170012345', firmware: 'PayDroid 7.1.2', maxBody: 1024 },
    host: { reachable: true, responseCode: '00', unreachableCode: null, totalsBalance: true },
    locked: false,
    slots: {
      A: withoutVolatile(DEMO_TERMINAL_PARAMETERS),
      B: null,
    },
    activeSlot: 'A',
    previousPresent: false,
    stan: 123,
    batchNumber: 12,
    reversalPending: false,
    journal: [
      { stan: '000121', time: '20250312101502', amountFen: 5000, maskedPan: '622848******1234', type: 'SALE', status: 'APPROVED' },
      { stan: '000122', time: '20250312114730', amountFen: 8800, maskedPan: '621700******5678', type: 'SALE', status: 'APPROVED' },
      { stan: '000123', time: '20250312120011', amountFen: 2000, maskedPan: '622588******9012', type: 'SALE', status: 'OFFLINE' },
    ],
  };
}

/** Merges a partial state over the defaults; identity and host merge field by field. */
export function mergeInitialState(partial: Partial<SimulatorStateInit> | undefined): SimulatorStateInit {
  const base = defaultSimulatorState();
  if (partial === undefined) return base;
  return {
    ...base,
    ...partial,
    identity: { ...base.identity, ...partial.identity },
    host: { ...base.host, ...partial.host },
  };
}
