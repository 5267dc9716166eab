/**
 * The ports the browser tests serve on. `TASK_LAB_PORT` moves them, so two checkouts on one
 * machine can run their browser tests at once; the host page of the embed tests sits one above.
 */
export const APP_PORT = Number(process.env.TASK_LAB_PORT ?? 4173);
export const HOST_PORT = APP_PORT + 1;
export const APP = `http://127.0.0.1:${APP_PORT}`;
