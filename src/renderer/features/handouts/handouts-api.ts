/**
 * The handout and paper-answer calls (docs/host-api.md, "Handouts and paper answers"). The PDF
 * comes back as a Blob and leaves through an <a download> click (ui/save-file), on plain http over
 * the LAN and in the Electron window alike.
 */
import { PaperAnswersResponseSchema } from '../../../contracts/paper-answers';
import type { PaperAnswersBody, PaperAnswersResponse } from '../../../contracts/paper-answers';
import { fetchFile, request } from '../../api/client';
import { saveBlob } from '../../ui/save-file';

export function addPaperAnswers(token: string, sessionId: string, body: PaperAnswersBody): Promise<PaperAnswersResponse> {
  return request('POST', `/api/sessions/${encodeURIComponent(sessionId)}/paper-answers`, { token, body, schema: PaperAnswersResponseSchema });
}

/** Fetches a step's handout PDF and saves it under the host's file name. */
export async function downloadHandout(token: string, sessionId: string, stepId: string, lang: 'sv' | 'en'): Promise<void> {
  const path = `/api/sessions/${encodeURIComponent(sessionId)}/handouts/${encodeURIComponent(stepId)}?lang=${lang}`;
  const file = await fetchFile(path, { token, lang, fallbackName: 'samskapa.pdf' });
  saveBlob(file.blob, file.name);
}
