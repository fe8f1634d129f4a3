import { useState } from 'react';
import { useT } from '../../i18n';
import { saveSvg, savePng } from './save-image';

export interface ChartActionsProps {
  /** The standalone SVG document (src/core/charts/svg.ts). */
  readonly svg: () => string;
  readonly width: number;
  readonly height: number;
  /** File name without extension (cleaned up before use). */
  readonly fileName: string;
  /** The table toggle, when the chart has a table alternative here. */
  readonly table?: { readonly open: boolean; readonly controls: string; readonly onToggle: () => void };
}

/** "Visa som tabell" and "Spara som bild" under a chart. */
export function ChartActions({ svg, width, height, fileName, table }: ChartActionsProps) {
  const t = useT();
  const [failed, setFailed] = useState(false);
  const png = () => {
    setFailed(false);
    savePng(svg(), width, height, fileName).catch(() => setFailed(true));
  };
  return (
    <div className="chart-actions">
      <div className="row">
        {table ? (
          <button type="button" className="btn btn-secondary" aria-expanded={table.open} aria-controls={table.controls} onClick={table.onToggle}>
            {table.open ? t('charts.hideTable') : t('charts.showTable')}
          </button>
        ) : null}
        <button type="button" className="btn btn-quiet" onClick={() => saveSvg(svg(), fileName)}>
          {t('charts.saveSvg')}
        </button>
        <button type="button" className="btn btn-quiet" onClick={png}>
          {t('charts.savePng')}
        </button>
      </div>
      {failed ? (
        <p className="chart-save-failed" role="alert">
          {t('charts.saveFailed')}
        </p>
      ) : null}
    </div>
  );
}
