/**
 * Views of the instrument step types (issue #4), registered by type id so each instrument lives in
 * its own folder and the participant step, the facilitator's run view and the projector find it
 * here instead of growing a switch. Each folder's `register.ts` fills in its entries; `index.ts`
 * imports them all once.
 */
import type { ComponentType } from 'react';
import type { Note } from '../../../core/workshop/board';
import type { Step } from '../../../core/workshop/agenda';
import type { SessionConnection } from '../../sync/provider';
import type { ParticipantStepProps } from '../steps/step-context';

/** The facilitator's run view of the current step (same props as StepLiveContent). */
export interface FacilitatorInstrumentProps {
  readonly connection: SessionConnection;
  readonly step: Step;
  readonly revealed: boolean;
  readonly onHide: (note: Note) => void;
}

/** The projector's view of the current step. */
export interface ProjectorInstrumentProps {
  readonly connection: SessionConnection;
  readonly step: Step;
  readonly revealed: boolean;
}

/** The planning dialog's extra fields for a step's config (called with the draft config). */
export interface ConfigFieldsProps {
  readonly config: Readonly<Record<string, unknown>>;
  readonly onChange: (config: Record<string, unknown>) => void;
}

export interface InstrumentViews {
  readonly participant?: ComponentType<ParticipantStepProps>;
  readonly facilitator?: ComponentType<FacilitatorInstrumentProps>;
  readonly projector?: ComponentType<ProjectorInstrumentProps>;
  readonly configFields?: ComponentType<ConfigFieldsProps>;
}

const views = new Map<string, InstrumentViews>();

export function registerInstrumentViews(stepTypeId: string, entry: InstrumentViews): void {
  views.set(stepTypeId, { ...views.get(stepTypeId), ...entry });
}

export function instrumentViews(stepTypeId: string): InstrumentViews | undefined {
  return views.get(stepTypeId);
}
