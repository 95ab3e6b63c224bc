import type { Language } from '../../../../shared/settings/settings';

// The Audit page texts in both languages, under the message namespaces this feature owns;
// i18n/index.ts merges every feature's messages into the app's catalogs.

const zhCN = {
  audit: {
    title: '审计日志',
    seq: '序号',
    time: '时间',
    actor: '操作人',
    action: '动作',
    entity: '对象',
    payload: '详情',
    verify: '校验哈希链',
    verifyOk: '哈希链完整：已校验 {count} 条，链头 #{seq} {hash}',
    verifyBroken: '哈希链已损坏：第 {seq} 条（{kind}）。{message}',
    kinds: { edited: '被修改', missing: '缺失', inserted: '被插入', reordered: '顺序被调换', 'anchor-mismatch': '与记录的链头不符' },
    export: '导出 CSV…',
    exported: '已导出 {entries} 条到 {location}',
    loadMore: '加载更多',
    total: '共 {count} 条',
    empty: '暂无记录',
    head: '当前链头',
    headHint: '请把这一行另存到本机以外的地方（纸质记录、邮件、工单）。之后用它校验，可以发现被删除的末尾记录或被整体改写的日志：rebind audit verify --expect-head 序号:哈希',
    copyHead: '复制链头',
    copied: '已复制',
    copyFailed: '无法访问剪贴板，请手动选中并复制。',
    anchored: '已锚定：第 1–{seq} 条与备份 {source}（{time}）记录的链头一致，无法在不被发现的情况下修改或截断。',
    unanchoredTail: '第 {from}–{to} 条只有哈希链保护，尚未锚定；下一次备份会锚定它们。',
    noAnchor: '尚无本机数据库以外的锚点：只校验了哈希链，末尾被删除的记录无法发现。请先做一次备份（设置 → 备份与恢复）。',
  },
};

const enUS: typeof zhCN = {
  audit: {
    title: 'Audit log',
    seq: 'Seq',
    time: 'Time',
    actor: 'Actor',
    action: 'Action',
    entity: 'Entity',
    payload: 'Details',
    verify: 'Verify chain',
    verifyOk: 'Chain intact: {count} entries checked, head #{seq} {hash}',
    verifyBroken: 'Chain broken at entry {seq} ({kind}). {message}',
    kinds: { edited: 'edited', missing: 'missing', inserted: 'inserted', reordered: 'reordered', 'anchor-mismatch': 'does not match the recorded head' },
    export: 'Export CSV…',
    exported: 'Exported {entries} entries to {location}',
    loadMore: 'Load more',
    total: '{count} entries',
    empty: 'No entries',
    head: 'Current chain head',
    headHint: 'Keep this line somewhere outside this computer (a paper log, an email, the ticket). Checked against it later, a log cut at the end or rewritten as a whole shows: rebind audit verify --expect-head SEQ:HASH',
    copyHead: 'Copy head',
    copied: 'Copied',
    copyFailed: 'The clipboard is not available; select the text and copy it by hand.',
    anchored: 'Anchored: entries 1–{seq} match the head recorded by the backup {source} ({time}); they cannot have been changed or cut off unnoticed.',
    unanchoredTail: 'Entries {from}–{to} are protected by the chain only, not yet anchored; the next backup anchors them.',
    noAnchor: 'No anchor outside this database yet: only the chain was checked, so entries cut off the end would not show. Make a backup first (Settings → Backup and restore).',
  },
};

/** The Audit page texts by language. */
export const auditMessages: Record<Language, typeof zhCN> = { 'zh-CN': zhCN, 'en-US': enUS };
