import { useCallback } from 'react';
import { getImprovement } from '../../api/improvements-api';
import { useT } from '../../i18n';
import { Notice } from '../../ui/notice';
import { Loading } from '../../ui/spinner';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useAsync } from '../facilitator/use-async';
import { ImprovementEditor } from './improvement-editor';

/** `#improvement=<id>`: one improvement on its own page, with no workshop running. */
export function ImprovementPage({ token, improvementId }: { readonly token: string; readonly improvementId: string }) {
  const t = useT();
  const load = useCallback(() => getImprovement(token, improvementId), [token, improvementId]);
  const [state] = useAsync(load);
  useDocumentTitle(state.kind === 'ready' ? state.value.title : t('improvements.eyebrow'));
  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'error') {
    return (
      <Notice tone="error" role="alert">
        <p>{t(`error.${state.code}`)}</p>
      </Notice>
    );
  }
  return <ImprovementEditor key={state.value.id} token={token} improvement={state.value} sessionId={null} />;
}
