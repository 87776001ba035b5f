import { z } from 'zod'

/** A day: longer windows and timeouts are typos, and past ~10^15 s they are not even dates. */
const day = 86_400

/** Every setting of the core, with the original Gencaster's defaults where it had one. */
export const settingsSchema = z
  .object({
    /** Address the OSC server binds; 0.0.0.0 lets instances on other machines reach it. */
    oscHost: z.string().min(1).default('0.0.0.0'),
    oscPort: z.int().min(0).max(65535).default(7000),
    /**
     * Password for `/remote/action`. Without it (and without `passwordFile`) the core makes
     * one on first start and keeps it in `<dataDir>/remote-action-password`.
     */
    password: z.string().min(1).optional(),
    /** A file whose first line is the password: kept out of the command line and `ps`. */
    passwordFile: z.string().min(1).optional(),
    /** Where gencaster.sqlite lives. */
    dataDir: z.string().min(1),
    /** A point is online while its last beacon is younger than this (STREAM_MAX_BEACON_SEC). */
    onlineWindowSeconds: z.number().positive().max(day).default(60),
    /** How long an instruction waits for its final answer before it is marked "no answer". */
    answerTimeoutSeconds: z.number().positive().max(day).default(10),
    /** The same for manual_finish instructions (a sound file may play for minutes). */
    manualFinishTimeoutSeconds: z
      .number()
      .positive()
      .max(7 * day)
      .default(600),
    /** The newest log lines kept in the database. */
    logRetentionRows: z.int().min(100).max(100_000_000).default(100_000),
    /** The same bound in approximate bytes of stored text (64 MB). */
    logRetentionBytes: z
      .int()
      .min(1024 * 1024)
      .default(64 * 1024 * 1024),
  })
  .strict()

export type Settings = z.infer<typeof settingsSchema>
export type SettingsInput = z.input<typeof settingsSchema>
