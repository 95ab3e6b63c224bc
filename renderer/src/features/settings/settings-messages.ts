import { byLanguage } from '../../i18n/text-table';

// The Settings page (appearance, account, security, about) texts, each as [zh-CN, en-US], under the message namespaces this feature owns;
// i18n/index.ts merges every feature's messages into the app's catalogs. Language names are said in their own language in both.

export const settingsMessages = byLanguage({
  settings: {
    title: ['设置', 'Settings'],
    appearance: ['外观与语言', 'Appearance and language'],
    language: ['界面语言', 'Language'],
    languages: {
      'zh-CN': ['简体中文', '简体中文'],
      'en-US': ['English', 'English'],
    },
    theme: ['主题', 'Theme'],
    themes: {
      light: ['浅色', 'Light'],
      dark: ['深色', 'Dark'],
      system: ['跟随系统', 'Follow system'],
    },
    data: ['数据', 'Data'],
    dataDir: ['数据目录', 'Data directory'],
    databasePath: ['数据库文件', 'Database file'],
    about: ['关于', 'About'],
    appVersion: ['应用版本', 'App version'],
    schemaVersion: ['数据库架构版本', 'Database schema version'],
    runtime: ['运行环境', 'Runtime'],
  },
  security: {
    title: ['安全', 'Security'],
    idleLock: ['空闲锁屏', 'Idle lock'],
    idleLockHint: ['无操作超过此分钟数后锁定屏幕（{min}–{max}）。', 'Lock the screen after this many minutes without input ({min}–{max}).'],
    idleLockNever: ['从不锁屏', 'Never lock'],
    idleLockNeverWarning: [
      '屏幕将不会自动锁定：任何人都能在无人看管的电脑上以当前登录的操作员身份操作。仅在电脑从不离人时选择此项。',
      'The screen will never lock by itself: anyone at an unattended computer can act as the signed-in operator. Choose this only where the computer is never left alone.',
    ],
    idleLockProblems: {
      'idle-lock-empty': ['请输入分钟数（{min}–{max}），或勾选“从不锁屏”。', 'Enter the minutes ({min}–{max}), or tick "Never lock".'],
      'idle-lock-not-a-number': ['请输入整数分钟，例如 10。', 'Enter a whole number of minutes, such as 10.'],
      'idle-lock-out-of-range': ['请输入 {min}–{max} 分钟；如要关闭锁屏，请勾选“从不锁屏”。', 'Enter {min}–{max} minutes; to turn the lock off, tick "Never lock".'],
    },
    minutes: ['分钟', 'minutes'],
    requireTwoFactor: ['要求两步验证的角色', 'Roles that must use two-factor sign-in'],
    save: ['保存', 'Save'],
    saved: ['安全策略已保存。', 'Security policy saved.'],
    keyProtection: ['数据密钥保护', 'Data key protection'],
    protections: {
      'os-keychain': ['操作系统钥匙串', 'OS keychain'],
      'plaintext-file': ['明文密钥文件（无钥匙串）', 'Plain key file (no keychain)'],
      passphrase: ['命令行口令', 'Command-line passphrase'],
    },
    plaintextWarning: [
      '本机没有可用的操作系统钥匙串，数据密钥由数据目录中 keys/local-key.json 的明文密钥保护。复制的数据库或备份没有该文件无法读取加密字段，但能读取数据目录的人可以读取。请限制数据目录的访问权限。',
      'This computer has no OS keychain available, so the data keys are protected by a plain key in keys/local-key.json in the data directory. A copied database or backup cannot be read without that file, but whoever can read the data directory can read the encrypted fields. Restrict access to the data directory.',
    ],
    noKey: ['尚无数据密钥', 'No data key yet'],
    activeKey: ['当前密钥', 'Active key'],
    keys: ['密钥数', 'Keys'],
    rotateKey: ['轮换数据密钥', 'Rotate data key'],
    rotateConfirm: [
      '生成新的数据密钥并用它重新加密所有加密字段？旧密钥会保留以便读取旧值。',
      'Create a new data key and re-encrypt every encrypted field with it? The old key is kept to read old values.',
    ],
    ownEnrolmentTitle: ['您自己也需要两步验证', 'You need two-factor sign-in too'],
    ownEnrolmentWarning: [
      '您的角色（{role}）也将要求两步验证。如果您还没有设置，保存后会立即进入设置两步验证的页面，完成之前不能做其他操作。请准备好装有身份验证器应用的手机。',
      'Your own role ({role}) will require two-factor sign-in. If you have not set it up yet, saving takes you straight to the set-up screen, and nothing else works until you finish it. Have the phone with your authenticator app ready.',
    ],
    ownEnrolmentGo: ['保存并继续', 'Save and continue'],
    rotated: ['已轮换：{count} 个值已重新加密。', 'Rotated: {count} values re-encrypted.'],
    cliPassphrase: ['命令行口令', 'Command-line passphrase'],
    cliPassphraseHint: [
      'rebind 命令行（工作台上的 rebind run / recover）无法使用操作系统钥匙串。在此设置口令并交给工作台：命令行用它打开数据密钥（环境变量 REBINDDESK_KEY_PASSPHRASE，或按提示输入）。设置新口令后旧口令失效。',
      'The rebind command line (rebind run / recover at a depot bench) cannot use the OS keychain. Set a passphrase here and give it to the depot: the command line opens the data keys with it (REBINDDESK_KEY_PASSPHRASE, or typed when asked). Setting a new one makes the old one stop working.',
    ],
    cliPassphraseSetAt: ['设置于 {at}', 'Set {at}'],
    cliPassphraseNotSet: ['未设置：命令行无法读取此数据目录的加密字段。', 'Not set: the command line cannot read this data directory’s encrypted fields.'],
    cliPassphraseNew: ['新口令', 'New passphrase'],
    cliPassphraseRepeat: ['再输入一次', 'Repeat it'],
    cliPassphraseTooShort: ['口令至少 {min} 个字符；当前为 {count} 个。', 'Use at least {min} characters; this one has {count}.'],
    cliPassphraseMismatch: ['两次输入的口令不一致。', 'The two passphrases differ.'],
    setCliPassphrase: ['设置口令', 'Set passphrase'],
    cliPassphraseSaved: ['命令行口令已设置；{count} 个数据密钥可用它打开。', 'Command-line passphrase set. Data keys it opens: {count}.'],
  },
  account: {
    title: ['我的账号', 'My account'],
    signedInAs: ['已登录：{name}（{username}），角色：{role}', 'Signed in as {name} ({username}), role: {role}'],
    twoFactor: ['两步验证', 'Two-factor sign-in'],
    twoFactorState: ['两步验证：{state}', 'Two-factor sign-in: {state}'],
    twoFactorOn: ['已启用，剩余 {left} 个恢复码', 'On, {left} recovery codes left'],
    twoFactorOff: ['未启用', 'Off'],
    enrol: ['设置两步验证', 'Set up two-factor sign-in'],
    regenerate: ['重新生成恢复码', 'New recovery codes'],
    regenerateHint: ['输入当前的 6 位验证码以生成新的恢复码（旧的全部失效）。', 'Enter the current 6-digit code to make new recovery codes (all old ones stop working).'],
    changePassword: ['修改密码', 'Change password'],
  },
});
