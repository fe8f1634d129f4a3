import type { Improvement, Measure } from '../../../core/improvement/model';
import { analyseRunChart } from '../../../core/improvement/run-chart-rules';
import { useT } from '../../i18n';
import { currentPart } from './cycle-status';

/**
 * The newest shift, trend or astronomical point among the measures (the one reaching the latest
 * point), as "skifte i önskad riktning": what a team wants to know first. Null when none.
 */
function latestSignal(measures: readonly Measure[]): { kind: 'shift' | 'trend' | 'astronomical'; favourable: boolean } | null {
  let best: { at: string; kind: 'shift' | 'trend' | 'astronomical'; favourable: boolean } | null = null;
  for (const measure of measures) {
    const analysis = analyseRunChart(measure.points, { direction: measure.direction, ...(measure.baselinePoints ? { baselinePoints: measure.baselinePoints } : {}) });
    for (const signal of analysis.signals) {
      if (signal.kind === 'runs' || signal.favourable === null) continue;
      const last = analysis.points[Math.max(...signal.indices)]?.date ?? '';
      if (!best || last > best.at) best = { at: last, kind: signal.kind, favourable: signal.favourable };
    }
  }
  return best;
}

export interface SectionIds {
  readonly aim: string;
  readonly measures: string;
  readonly ideas: string;
}

/**
 * The three questions at a glance, under the title: where the aim, the measures and the tests
 * stand, each a button that goes to its section (a hash link would change the route).
 */
export function ImprovementOverview({ improvement, ids }: { readonly improvement: Improvement; readonly ids: SectionIds }) {
  const t = useT();
  const points = improvement.measures.reduce((n, m) => n + m.points.length, 0);
  const latest = [...improvement.cycles].sort((a, b) => b.createdAt - a.createdAt)[0];
  const aim = improvement.aim.text.trim();
  const signal = latestSignal(improvement.measures);
  const items = [
    { id: ids.aim, n: 1, title: t('improvements.overview.aim'), text: aim ? (aim.length > 90 ? `${aim.slice(0, 88)}…` : aim) : t('improvements.overview.noAim') },
    {
      id: ids.measures,
      n: 2,
      title: t('improvements.overview.measures'),
      text: [
        t('improvements.home.countMeasures', { count: improvement.measures.length }),
        t('improvements.overview.points', { count: points }),
        signal ? t(signal.favourable ? 'improvements.overview.signalGood' : 'improvements.overview.signalBad', { kind: t(`charts.runChart.kind.${signal.kind}`) }) : null,
      ]
        .filter(Boolean)
        .join(' · '),
    },
    {
      id: ids.ideas,
      n: 3,
      title: t('improvements.overview.ideas'),
      text: [
        t('improvements.home.countIdeas', { count: improvement.changeIdeas.length }),
        latest ? t('improvements.overview.latest', { name: t('improvements.cycle.name', { n: latest.number }), part: t(`improvements.part.${currentPart(latest)}`) }) : null,
      ]
        .filter(Boolean)
        .join(' · '),
    },
  ];
  return (
    <nav className="improvement-overview" aria-label={t('improvements.overview.label')}>
      <ol className="plain-list">
        {items.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className="overview-item"
              onClick={() => {
                const target = document.getElementById(item.id);
                target?.scrollIntoView({ behavior: 'smooth', block: 'start' });
                target?.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
              }}
            >
              <span className="overview-number" aria-hidden="true">
                {item.n}
              </span>
              <span className="overview-text">
                <span className="overview-title">{item.title}</span>
                <span className="overview-detail">{item.text}</span>
              </span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
