// The demo terminal's parameters: the "terminal before rebinding" of docs/protocol.md §4, so its
// digest is the documented 52b609ff… (the protocol vectors in tests/fixtures check it).
export const DEMO_TERMINAL_PARAMETERS: Readonly<Record<string, string>> = {
  A001: '12345678',
  A002: '898310048140001',
  A003: '上海示例便利店',
  A008: '6000030000',
  A009: '000123',
  A00A: '000012',
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
};
