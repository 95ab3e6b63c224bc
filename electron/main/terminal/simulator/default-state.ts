// The demo terminal: a PAX A920 at a Shanghai convenience store, bound to a UnionPay-style
// acquirer, with a small open batch. Its parameters are the "terminal before rebinding" of
// docs/protocol.md §4, so its digest is the documented 52b609ff…
import type { SimulatorStateInit } from './terminal-state';

/** A fresh copy of the demo terminal's state. */
export function defaultSimulatorState(): SimulatorStateInit {
  return {
    identity: { vendor: 'PAX', model: 'A920', serialNumber: '1170012345', firmware: 'PayDroid 7.1.2', maxBody: 1024 },
    host: { reachable: true, responseCode: '00', unreachableCode: null, totalsBalance: true },
    locked: false,
    slots: {
      A: {
        A001: '12345678',
        A002: '898310048140001',
        A003: '上海示例便利店',
        A008: '6000030000',
        A00B: '3',
        A010: '48021000',
        A011: '203.0.113.10:5000',
        A012: '203.0.113.11:5000',
        A013: '003',
        A014: '5411',
        A015: '欢迎光临 Welcome',
        A016: '1',
        E0E0: '01',
        E0E1: 'A1B2C3',
      },
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
