// Packaging for Linux (AppImage, deb), Windows (NSIS) and macOS (dmg). `npm run package` builds
// for the current platform. electron-builder rebuilds native modules for Electron's ABI inside
// the package, so a packaged app loads better-sqlite3 without the .cache binding.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'com.rebinddesk.console',
  productName: 'RebindDesk',
  directories: { output: 'dist', buildResources: 'resources' },
  files: ['out/**', 'package.json', 'resources/bank-templates/**', '!out/node/**'],
  asarUnpack: ['**/*.node'],
  npmRebuild: true,
  linux: { target: ['AppImage', 'deb'], category: 'Office', maintainer: 'RebindDesk' },
  deb: { depends: ['libnss3', 'libgtk-3-0'] },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], category: 'public.app-category.business' },
};
