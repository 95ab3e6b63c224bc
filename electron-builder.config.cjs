// Packaging for Linux (AppImage, deb), Windows (NSIS) and macOS (dmg). `npm run package` builds
// for the current platform. electron-builder rebuilds native modules for Electron's ABI inside
// the package, so a packaged app loads better-sqlite3 without the .cache binding.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'com.rebinddesk.console',
  productName: 'RebindDesk',
  directories: { output: 'dist', buildResources: 'resources' },
  files: ['out/**', 'package.json', 'resources/bank-templates/**', 'resources/desk-samples/**', 'resources/checklists/**', '!out/node/**'],
  asar: true,
  asarUnpack: ['**/*.node'],
  // Fuses are bits in the Electron binary, flipped at packaging before signing (docs/security.md §8):
  // no ELECTRON_RUN_AS_NODE, no NODE_OPTIONS, no --inspect, so nobody turns the signed app into a
  // Node shell or attaches a debugger; cookies encrypted; the app loaded only from its asar, whose
  // integrity is checked (macOS, Windows). electronFuses is electron-builder 26's option for them.
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableCookieEncryption: true,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
  },
  npmRebuild: true,
  linux: { target: ['AppImage', 'deb'], category: 'Office', maintainer: 'RebindDesk' },
  deb: { depends: ['libnss3', 'libgtk-3-0'] },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], category: 'public.app-category.business' },
};
