/**
 * The interpreter's single doorway to the simulator: everything interp/ uses from src/sim comes
 * through here (and src/sim/index.ts is the only simulator module this file names).
 */
export * from '../../sim/index.ts';
