// ECharts ships its Chinese locale as an ES module without a declaration beside it.
declare module 'echarts/lib/i18n/langZH.js' {
  const lang: object;
  export default lang;
}
