/**
 * Transaction origins. The facilitator's own edits carry FACILITATOR_ORIGIN so the renderer's
 * Y.UndoManager can undo exactly those (and never a participant's note or the host's bookkeeping).
 */
export const FACILITATOR_ORIGIN = 'facilitator';
export const HOST_ORIGIN = 'host';
