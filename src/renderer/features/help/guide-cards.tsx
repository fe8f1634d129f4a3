import { useT } from '../../i18n';
import { GuideIllustration, type GuideArt } from './guide-art';

const STEPS: readonly GuideArt[] = ['create', 'share', 'run', 'export'];

/** Create → share → run → export: four cards in order, each a picture, a title and two sentences. */
export function GuideCards({ headingLevel = 3 }: { readonly headingLevel?: 2 | 3 }) {
  const t = useT();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ol className="plain-list guide-cards">
      {STEPS.map((art, index) => (
        <li key={art} className="guide-card">
          <GuideIllustration art={art} />
          <p className="eyebrow">{t('help.guide.stepOf', { n: index + 1, total: STEPS.length })}</p>
          <Heading className="guide-card-title">{t(`help.guide.${art}Title`)}</Heading>
          <p className="guide-card-body">{t(`help.guide.${art}Body`)}</p>
        </li>
      ))}
    </ol>
  );
}
