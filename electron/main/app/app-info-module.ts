import type { FeatureModule } from '../ipc/compose-modules';
import { createAppInfoService, type AppInfoDeps } from './app-info-service';

/** `app:info`. */
export function createAppInfoModule(deps: AppInfoDeps): FeatureModule<'app:info'> {
  const info = createAppInfoService(deps);
  return { handlers: { 'app:info': () => info.read() } };
}
