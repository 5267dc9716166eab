export { diagnose, describeDiagnostic } from './diagnose.ts';
export type { Diagnostic, DiagnoseOptions } from './diagnose.ts';
