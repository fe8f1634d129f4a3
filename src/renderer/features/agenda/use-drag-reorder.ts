import { useState, type DragEvent } from 'react';

/** Where a dragged step would land: before or after the row under the pointer. */
export interface DropTarget {
  readonly index: number;
  readonly after: boolean;
}

/**
 * Mouse reordering with native HTML drag and drop. The keyboard has its own path (move buttons and
 * Alt+arrows in the row); both end in the core's moveStep via `onMove`.
 */
export function useDragReorder(onMove: (id: string, fromIndex: number, toIndex: number) => void) {
  const [dragging, setDragging] = useState<{ id: string; from: number } | null>(null);
  const [target, setTarget] = useState<DropTarget | null>(null);

  function end(): void {
    setDragging(null);
    setTarget(null);
  }

  function rowProps(id: string, index: number) {
    return {
      draggable: true,
      onDragStart(event: DragEvent<HTMLElement>) {
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', id);
        setDragging({ id, from: index });
      },
      onDragEnd: end,
      onDragOver(event: DragEvent<HTMLElement>) {
        if (!dragging) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        const rect = event.currentTarget.getBoundingClientRect();
        const after = event.clientY > rect.top + rect.height / 2;
        if (target?.index !== index || target.after !== after) setTarget({ index, after });
      },
      onDrop(event: DragEvent<HTMLElement>) {
        if (!dragging) return;
        event.preventDefault();
        const rect = event.currentTarget.getBoundingClientRect();
        const after = event.clientY > rect.top + rect.height / 2;
        const to = landingIndex(dragging.from, index, after);
        if (to !== dragging.from) onMove(dragging.id, dragging.from, to);
        end();
      },
    };
  }

  return { draggingId: dragging?.id ?? null, target, rowProps };
}

/** The final index of a step moved from `from` to before/after the row at `over`. */
export function landingIndex(from: number, over: number, after: boolean): number {
  if (from === over) return from;
  if (from < over) return after ? over : over - 1;
  return after ? over + 1 : over;
}
