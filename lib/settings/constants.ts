// Limits shared by the settings service and the forms (this module is safe in client bundles).

/** Longest retention an admin can set: ten years. */
export const MAX_RETENTION_DAYS = 3650;
