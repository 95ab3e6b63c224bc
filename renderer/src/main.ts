import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { useSettingsStore } from './features/settings/settings-store';
import { i18n } from './i18n';
import { createAppRouter } from './router/app-router';

async function boot(): Promise<void> {
  const app = createApp(App);
  app.use(createPinia());
  app.use(i18n);
  app.use(createAppRouter());
  // Load the stored language and theme before the first paint, so the UI never flashes the defaults.
  await useSettingsStore().load().catch((error: unknown) => console.error('Settings could not be loaded', error));
  app.mount('#app');
}

void boot();
