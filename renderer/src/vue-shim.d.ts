// A script file (no imports or exports), so the wildcard module is global: vue-tsc reads .vue files
// itself, but plain tsc (tsconfig.test.json, whose renderer unit tests import the routes) needs it.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
