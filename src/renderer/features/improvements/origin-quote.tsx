import type { Origin } from '../../../core/improvement/model';
import { useLanguage, useT } from '../../i18n';
import { formatDay } from './format';

/**
 * Where a change idea came from, as the words themselves: "«…» — röstad 5 gånger, workshop
 * Hjärtsvikt, 12 mars". A name appears only when the writer gave one and was not anonymous.
 */
export function OriginQuote({ origin }: { readonly origin: Origin }) {
  const t = useT();
  const lang = useLanguage();
  const facts: string[] = [];
  if (origin.kind === 'note' && origin.votes !== undefined) facts.push(t('improvements.origin.votes', { count: origin.votes }));
  if (origin.kind === 'cloth-insight') facts.push(t('improvements.origin.guldkorn'));
  if (origin.kind === 'gap' && origin.gap) {
    facts.push(
      t('improvements.origin.gap', {
        patient: Math.round(origin.gap.patient * 100),
        staff: Math.round(origin.gap.staff * 100),
      }),
    );
  }
  if (origin.authorName) facts.push(origin.authorRole ? `${origin.authorName}, ${t(`role.${origin.authorRole}`)}` : origin.authorName);
  else if (origin.authorRole) facts.push(t(`role.${origin.authorRole}`));
  facts.push(t('improvements.origin.workshop', { title: origin.sessionTitle, date: formatDay(origin.linkedAt, lang) }));
  return (
    <figure className="origin-quote">
      <blockquote>
        <p>{t('improvements.origin.quoted', { quote: origin.quote })}</p>
      </blockquote>
      <figcaption className="muted small">{facts.join(' · ')}</figcaption>
    </figure>
  );
}
