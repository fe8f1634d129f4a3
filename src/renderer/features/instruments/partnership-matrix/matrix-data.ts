import { DEFAULT_PARTNERSHIP_MATRIX_CONFIG, PartnershipMatrixConfigSchema, type PartnershipMatrixConfig } from '../../../../core/instruments/partnership-matrix';

export function matrixConfig(config: Readonly<Record<string, unknown>>): PartnershipMatrixConfig {
  const parsed = PartnershipMatrixConfigSchema.safeParse({ ...DEFAULT_PARTNERSHIP_MATRIX_CONFIG, ...config });
  return parsed.success ? parsed.data : DEFAULT_PARTNERSHIP_MATRIX_CONFIG;
}
