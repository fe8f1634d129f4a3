import type { Improvement } from '../../../core/improvement/model';
import { useT } from '../../i18n';
import { currentPart } from './cycle-status';

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
  const items = [
    { id: ids.aim, n: 1, title: t('improvements.overview.aim'), text: aim ? (aim.length > 90 ? `${aim.slice(0, 88)}…` : aim) : t('improvements.overview.noAim') },
    {
      id: ids.measures,
      n: 2,
      title: t('improvements.overview.measures'),
      text: `${t('improvements.home.countMeasures', { count: improvement.measures.length })} · ${t('improvements.overview.points', { count: points })}`,
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
