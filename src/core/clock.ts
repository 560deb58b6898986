/**
 * The one source of "now" for the core, the device's sync and the central server. Everything that
 * decides by time (local days, streaks, token expiry, back-off, backups) takes a Clock, so tests move
 * time instead of depending on the day they run.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
