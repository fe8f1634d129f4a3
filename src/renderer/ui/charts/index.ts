/** Charts for the screen: the run chart (PDSA measures) and the seven questions' gap chart as an image. */
export { RunChart, useRunChartSentence, type RunChartProps, type RunChartAnnotation, type RunChartPoint, type ImprovementDirection } from './run-chart';
export { GapChartSvg, type GapChartSvgProps } from './gap-chart-svg';
export { saveSvg, savePng } from './save-image';
