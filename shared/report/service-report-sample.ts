// A complete, valid report content for tests and for developing the print view: every section
// filled, both signatures, one evidence photo, Chinese and English labels. Not used by the app.
import type { ReportSignature, ServiceReportContent } from './service-report';

const stroke = (x0: number, time: number) => ({
  penColor: 'black', dotSize: 0, minWidth: 0.5, maxWidth: 2.5, velocityFilterWeight: 0.7, compositeOperation: 'source-over',
  points: [{ x: x0, y: 40, pressure: 0.5, time }, { x: x0 + 30, y: 60, pressure: 0.5, time: time + 16 }, { x: x0 + 60, y: 35, pressure: 0.5, time: time + 32 }],
});
const signature = (signer: 'merchant' | 'engineer', signerName: string, stepId: string): ReportSignature => ({
  signer, signerName, stepId,
  strokes: [stroke(20, 1_796_000_000_000), stroke(120, 1_796_000_001_000)],
  svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100" width="300" height="100"><path d="M 20 40 L 50 60 L 80 35" fill="none" stroke="black" stroke-width="2"/><path d="M 120 40 L 150 60 L 180 35" fill="none" stroke="black" stroke-width="2"/></svg>',
  width: 300, height: 100, signedAt: '2026-12-01T06:40:00Z',
});
const digestBefore = 'a'.repeat(64);
const digestAfter = '3f2b9c1d'.repeat(8);
const label = (zh: string, en: string) => ({ 'zh-CN': zh, 'en-US': en });

/** A sample report: a completed visit moving a PAX terminal from one bank to another. */
export function sampleServiceReport(): ServiceReportContent {
  return {
    format: 1,
    reportNumber: 'SR-20261201-0001',
    supersedes: null,
    issuedAt: '2026-12-01T06:45:00Z',
    issuedBy: { username: 'wang.engineer', displayName: '王工程师' },
    case: { id: '019ad5a0-0000-7000-8000-000000000001' },
    appointment: { id: '019ad5a0-0000-7000-8000-000000000002', startsAt: '2026-12-01T06:00:00Z', endsAt: '2026-12-01T07:00:00Z', engineer: { username: 'wang.engineer', displayName: '王工程师' } },
    merchant: { id: '019ad5a0-0000-7000-8000-000000000003', name: '上海浦东便利店有限公司', address: '上海市浦东新区世纪大道 100 号', contactName: '李经理' },
    terminal: { id: '019ad5a0-0000-7000-8000-000000000004', vendor: 'PAX', model: 'S920', serialNumber: 'PX-S920-0001234', firmware: '7.1.2' },
    previousBank: { code: 'acquirer-a', name: '甲银行' },
    newBank: { code: 'acquirer-b', name: '乙银行' },
    operationId: 7,
    before: { tid: '10000001', mid: '898310000000001', acquirerId: 'ACQ-A', parameterDigest: digestBefore },
    after: { tid: '20000001', mid: '898310000000002', acquirerId: 'ACQ-B', parameterDigest: digestAfter },
    settledBatch: { count: 12, totalFen: 345_600, balanced: true, skipped: false },
    checklist: {
      runId: '019ad5a0-0000-7000-8000-000000000005',
      templateId: '019ad5a0-0000-7000-8000-000000000006',
      templateVersion: 1,
      outcome: { kind: 'completed' },
      finishedAt: '2026-12-01T06:42:00Z',
      finishedBy: 'wang.engineer',
      steps: [
        { position: 1, stepId: 'identity', label: label('终端身份核对', 'Terminal identity matched'), required: true, answer: { kind: 'auto', check: 'identity-matched', passed: true, stepStatus: 'ok', facts: { check: 'identity-matched', serialNumber: 'PX-S920-0001234', model: 'S920', tid: '10000001', mismatches: [], overridden: false } }, answeredAt: '2026-12-01T06:20:00Z', answeredBy: 'wang.engineer', earlierAnswers: 0 },
        { position: 2, stepId: 'batch', label: label('批次已结算', 'Batch settled'), required: true, answer: { kind: 'auto', check: 'batch-settled', passed: true, stepStatus: 'ok', facts: { check: 'batch-settled', count: 12, totalFen: 345_600, balanced: true, skipped: false } }, answeredAt: '2026-12-01T06:20:00Z', answeredBy: 'wang.engineer', earlierAnswers: 0 },
        { position: 3, stepId: 'parameters', label: label('参数摘要核对', 'Parameters verified by digest'), required: true, answer: { kind: 'auto', check: 'parameters-verified', passed: true, stepStatus: 'ok', facts: { check: 'parameters-verified', targetDigest: digestAfter, readBackDigest: digestAfter, matched: true } }, answeredAt: '2026-12-01T06:20:00Z', answeredBy: 'wang.engineer', earlierAnswers: 0 },
        { position: 4, stepId: 'signal', label: label('信号强度', 'Signal strength'), required: false, answer: { kind: 'number', value: -71, unit: 'dBm' }, answeredAt: '2026-12-01T06:25:00Z', answeredBy: 'wang.engineer', earlierAnswers: 1 },
        { position: 5, stepId: 'sticker', label: label('新银行标签', "New bank's sticker"), required: true, answer: { kind: 'choice', optionId: 'applied', optionLabel: label('已贴', 'Applied') }, answeredAt: '2026-12-01T06:26:00Z', answeredBy: 'wang.engineer', earlierAnswers: 0 },
        { position: 6, stepId: 'photo', label: label('现场照片', 'Photo on site'), required: true, answer: { kind: 'evidence', files: [{ sha256: 'b'.repeat(64), fileName: 'terminal.jpg', mediaType: 'image/jpeg', size: 48_213 }] }, answeredAt: '2026-12-01T06:30:00Z', answeredBy: 'wang.engineer', earlierAnswers: 0 },
        { position: 7, stepId: 'note', label: label('备注', 'Note'), required: false, answer: { kind: 'text', text: '商户确认收据打印正常。' }, answeredAt: '2026-12-01T06:31:00Z', answeredBy: 'wang.engineer', earlierAnswers: 0 },
        { position: 8, stepId: 'trained', label: label('已培训商户', 'Merchant shown the new bank'), required: true, answer: { kind: 'tick', checked: true }, answeredAt: '2026-12-01T06:32:00Z', answeredBy: 'wang.engineer', earlierAnswers: 0 },
        { position: 9, stepId: 'merchant-signature', label: label('商户签名', "Merchant's signature"), required: true, answer: { kind: 'signature', signer: 'merchant' }, answeredAt: '2026-12-01T06:40:00Z', answeredBy: 'wang.engineer', earlierAnswers: 0 },
        { position: 10, stepId: 'engineer-signature', label: label('工程师签名', "Engineer's signature"), required: true, answer: { kind: 'signature', signer: 'engineer' }, answeredAt: '2026-12-01T06:41:00Z', answeredBy: 'wang.engineer', earlierAnswers: 0 },
      ],
    },
    signatures: { merchant: signature('merchant', '李经理', 'merchant-signature'), engineer: signature('engineer', '王工程师', 'engineer-signature') },
  };
}
