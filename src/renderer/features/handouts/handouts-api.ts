/**
 * The handout and paper-answer calls (docs/host-api.md, "Handouts and paper answers"). The PDF
 * comes back as a Blob and leaves through an <a download> click: no secure-context APIs, so it
 * works on plain http over the LAN and in the Electron window alike.
 */
import { PaperAnswersResponseSchema } from '../../../contracts/paper-answers';
import type { PaperAnswersBody, PaperAnswersResponse } from '../../../contracts/paper-answers';
import { ApiError, isErrorCode } from '../../api/api-error';
import { request } from '../../api/client';

export function addPaperAnswers(token: string, sessionId: string, body: PaperAnswersBody): Promise<PaperAnswersResponse> {
  return request('POST', `/api/sessions/${encodeURIComponent(sessionId)}/paper-answers`, { token, body, schema: PaperAnswersResponseSchema });
}

/** Fetches a step's handout PDF and saves it under the host's file name. */
export async function downloadHandout(token: string, sessionId: string, stepId: string, lang: 'sv' | 'en'): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api/sessions/${encodeURIComponent(sessionId)}/handouts/${encodeURIComponent(stepId)}?lang=${lang}`, {
      headers: { Authorization: `Bearer ${token}`, 'Accept-Language': lang },
      cache: 'no-store',
    });
  } catch {
    throw new ApiError('network', 0);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: unknown };
    throw new ApiError(isErrorCode(body.error) ? body.error : 'unknown', response.status);
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'samskapa.pdf';
  saveBlob(await response.blob(), name);
}

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
