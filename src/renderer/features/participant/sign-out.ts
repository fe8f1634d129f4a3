import { navigate } from '../../app/route-state';
import { setFlash } from '../../storage/flash';
import { forgetParticipantSession } from '../../storage/participant-session';

/** The token was refused: forget it and send the person back to the code page with the reason. */
export function signOutParticipant(sessionId: string): void {
  forgetParticipantSession(sessionId);
  setFlash('join.signedOut');
  navigate({ name: 'join-code' }, { replace: true });
}
