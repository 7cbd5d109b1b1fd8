// The ECharts parts of the maturity heat map, added to the platform's ECharts on first use.
import { HeatmapChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([HeatmapChart, VisualMapComponent, GridComponent, TooltipComponent, CanvasRenderer]);
