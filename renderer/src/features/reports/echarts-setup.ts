// ECharts for the Reports page, with only what it draws: bar charts, the grid, tooltip and legend,
// the SVG renderer (chart text stays text: crisp at any zoom, and the e2e can read it). Chinese is
// registered so the charts' own words (the tooltip's, the legend's) follow the language.
import { registerLocale, use } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import langZH from 'echarts/lib/i18n/langZH.js';
import type { Language } from '../../../../shared/settings/settings';

use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);
registerLocale('ZH', langZH as Parameters<typeof registerLocale>[1]);

/** ECharts' locale name for a UI language. */
export function echartsLocale(language: Language): 'ZH' | 'EN' {
  return language === 'zh-CN' ? 'ZH' : 'EN';
}
