import { byLanguage } from '../../i18n/text-table';

// The Settings page (appearance, account, security, about) texts in both languages, under the message namespaces this feature owns;
// i18n/index.ts merges every feature's messages into the app's catalogs. Language names are said in their own language in both.

export const settingsMessages = byLanguage({
  settings: {
    title: { 'zh-CN': '设置', 'en-US': 'Settings' },
    appearance: { 'zh-CN': '外观与语言', 'en-US': 'Appearance and language' },
    language: { 'zh-CN': '界面语言', 'en-US': 'Language' },
    languages: {
      'zh-CN': { 'zh-CN': '简体中文', 'en-US': '简体中文' },
      'en-US': { 'zh-CN': 'English', 'en-US': 'English' },
    },
    theme: { 'zh-CN': '主题', 'en-US': 'Theme' },
    themes: {
      light: { 'zh-CN': '浅色', 'en-US': 'Light' },
      dark: { 'zh-CN': '深色', 'en-US': 'Dark' },
      system: { 'zh-CN': '跟随系统', 'en-US': 'Follow system' },
    },
    data: { 'zh-CN': '数据', 'en-US': 'Data' },
    dataDir: { 'zh-CN': '数据目录', 'en-US': 'Data directory' },
    databasePath: { 'zh-CN': '数据库文件', 'en-US': 'Database file' },
    about: { 'zh-CN': '关于', 'en-US': 'About' },
    appVersion: { 'zh-CN': '应用版本', 'en-US': 'App version' },
    schemaVersion: { 'zh-CN': '数据库架构版本', 'en-US': 'Database schema version' },
    runtime: { 'zh-CN': '运行环境', 'en-US': 'Runtime' },
  },
  security: {
    title: { 'zh-CN': '安全', 'en-US': 'Security' },
    idleLock: { 'zh-CN': '空闲锁屏', 'en-US': 'Idle lock' },
    idleLockHint: { 'zh-CN': '无操作超过此分钟数后锁定屏幕（{min}–{max}）。', 'en-US': 'Lock the screen after this many minutes without input ({min}–{max}).' },
    idleLockNever: { 'zh-CN': '从不锁屏', 'en-US': 'Never lock' },
    idleLockNeverWarning: {
      'zh-CN': '屏幕将不会自动锁定：任何人都能在无人看管的电脑上以当前登录的操作员身份操作。仅在电脑从不离人时选择此项。',
      'en-US': 'The screen will never lock by itself: anyone at an unattended computer can act as the signed-in operator. Choose this only where the computer is never left alone.',
    },
    idleLockProblems: {
      'idle-lock-empty': { 'zh-CN': '请输入分钟数（{min}–{max}），或勾选“从不锁屏”。', 'en-US': 'Enter the minutes ({min}–{max}), or tick "Never lock".' },
      'idle-lock-not-a-number': { 'zh-CN': '请输入整数分钟，例如 10。', 'en-US': 'Enter a whole number of minutes, such as 10.' },
      'idle-lock-out-of-range': {
        'zh-CN': '请输入 {min}–{max} 分钟；如要关闭锁屏，请勾选“从不锁屏”。',
        'en-US': 'Enter {min}–{max} minutes; to turn the lock off, tick "Never lock".',
      },
    },
    minutes: { 'zh-CN': '分钟', 'en-US': 'minutes' },
    requireTwoFactor: { 'zh-CN': '要求两步验证的角色', 'en-US': 'Roles that must use two-factor sign-in' },
    save: { 'zh-CN': '保存', 'en-US': 'Save' },
    saved: { 'zh-CN': '安全策略已保存。', 'en-US': 'Security policy saved.' },
    keyProtection: { 'zh-CN': '数据密钥保护', 'en-US': 'Data key protection' },
    protections: {
      'os-keychain': { 'zh-CN': '操作系统钥匙串', 'en-US': 'OS keychain' },
      'plaintext-file': { 'zh-CN': '明文密钥文件（无钥匙串）', 'en-US': 'Plain key file (no keychain)' },
      passphrase: { 'zh-CN': '命令行口令', 'en-US': 'Command-line passphrase' },
    },
    plaintextWarning: {
      'zh-CN': '本机没有可用的操作系统钥匙串，数据密钥由数据目录中 keys/local-key.json 的明文密钥保护。复制的数据库或备份没有该文件无法读取加密字段，但能读取数据目录的人可以读取。请限制数据目录的访问权限。',
      'en-US': 'This computer has no OS keychain available, so the data keys are protected by a plain key in keys/local-key.json in the data directory. A copied database or backup cannot be read without that file, but whoever can read the data directory can read the encrypted fields. Restrict access to the data directory.',
    },
    noKey: { 'zh-CN': '尚无数据密钥', 'en-US': 'No data key yet' },
    activeKey: { 'zh-CN': '当前密钥', 'en-US': 'Active key' },
    keys: { 'zh-CN': '密钥数', 'en-US': 'Keys' },
    rotateKey: { 'zh-CN': '轮换数据密钥', 'en-US': 'Rotate data key' },
    rotateConfirm: {
      'zh-CN': '生成新的数据密钥并用它重新加密所有加密字段？旧密钥会保留以便读取旧值。',
      'en-US': 'Create a new data key and re-encrypt every encrypted field with it? The old key is kept to read old values.',
    },
    ownEnrolmentTitle: { 'zh-CN': '您自己也需要两步验证', 'en-US': 'You need two-factor sign-in too' },
    ownEnrolmentWarning: {
      'zh-CN': '您的角色（{role}）也将要求两步验证。如果您还没有设置，保存后会立即进入设置两步验证的页面，完成之前不能做其他操作。请准备好装有身份验证器应用的手机。',
      'en-US': 'Your own role ({role}) will require two-factor sign-in. If you have not set it up yet, saving takes you straight to the set-up screen, and nothing else works until you finish it. Have the phone with your authenticator app ready.',
    },
    ownEnrolmentGo: { 'zh-CN': '保存并继续', 'en-US': 'Save and continue' },
    rotated: { 'zh-CN': '已轮换：{count} 个值已重新加密。', 'en-US': 'Rotated: {count} values re-encrypted.' },
    cliPassphrase: { 'zh-CN': '命令行口令', 'en-US': 'Command-line passphrase' },
    cliPassphraseHint: {
      'zh-CN': 'rebind 命令行（工作台上的 rebind run / recover）无法使用操作系统钥匙串。在此设置口令并交给工作台：命令行用它打开数据密钥（环境变量 REBINDDESK_KEY_PASSPHRASE，或按提示输入）。设置新口令后旧口令失效。',
      'en-US': 'The rebind command line (rebind run / recover at a depot bench) cannot use the OS keychain. Set a passphrase here and give it to the depot: the command line opens the data keys with it (REBINDDESK_KEY_PASSPHRASE, or typed when asked). Setting a new one makes the old one stop working.',
    },
    cliPassphraseSetAt: { 'zh-CN': '设置于 {at}', 'en-US': 'Set {at}' },
    cliPassphraseNotSet: {
      'zh-CN': '未设置：命令行无法读取此数据目录的加密字段。',
      'en-US': 'Not set: the command line cannot read this data directory’s encrypted fields.',
    },
    cliPassphraseNew: { 'zh-CN': '新口令', 'en-US': 'New passphrase' },
    cliPassphraseRepeat: { 'zh-CN': '再输入一次', 'en-US': 'Repeat it' },
    cliPassphraseTooShort: { 'zh-CN': '口令至少 {min} 个字符；当前为 {count} 个。', 'en-US': 'Use at least {min} characters; this one has {count}.' },
    cliPassphraseMismatch: { 'zh-CN': '两次输入的口令不一致。', 'en-US': 'The two passphrases differ.' },
    setCliPassphrase: { 'zh-CN': '设置口令', 'en-US': 'Set passphrase' },
    cliPassphraseSaved: { 'zh-CN': '命令行口令已设置；{count} 个数据密钥可用它打开。', 'en-US': 'Command-line passphrase set. Data keys it opens: {count}.' },
  },
  account: {
    title: { 'zh-CN': '我的账号', 'en-US': 'My account' },
    signedInAs: { 'zh-CN': '已登录：{name}（{username}），角色：{role}', 'en-US': 'Signed in as {name} ({username}), role: {role}' },
    twoFactor: { 'zh-CN': '两步验证', 'en-US': 'Two-factor sign-in' },
    twoFactorOn: { 'zh-CN': '已启用，剩余 {left} 个恢复码', 'en-US': 'On, {left} recovery codes left' },
    twoFactorOff: { 'zh-CN': '未启用', 'en-US': 'Off' },
    enrol: { 'zh-CN': '设置两步验证', 'en-US': 'Set up two-factor sign-in' },
    regenerate: { 'zh-CN': '重新生成恢复码', 'en-US': 'New recovery codes' },
    regenerateHint: {
      'zh-CN': '输入当前的 6 位验证码以生成新的恢复码（旧的全部失效）。',
      'en-US': 'Enter the current 6-digit code to make new recovery codes (all old ones stop working).',
    },
    changePassword: { 'zh-CN': '修改密码', 'en-US': 'Change password' },
  },
});
