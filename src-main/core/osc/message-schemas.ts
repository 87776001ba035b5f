import { logLevels, logLevelValues } from '../../contract/index.js'
import { z } from 'zod'
import { oscBoolean, oscBoundedString, oscPort, oscRoom, oscString } from './field-coercions.js'
import { MalformedOscMessageError } from './osc-errors.js'

/** The states an instance may acknowledge with (SCAcknowledgeMessage's GenCasterStatusEnum). */
export const acknowledgeStatuses = [
  'SUCCESS',
  'FAILURE',
  'READY',
  'FINISHED',
  'BEACON',
  'RECEIVED',
] as const
export type AcknowledgeStatus = (typeof acknowledgeStatuses)[number]

function isAcknowledgeStatus(value: string): value is AcknowledgeStatus {
  return (acknowledgeStatuses as readonly string[]).includes(value)
}

/** Bounds of beacon strings: a name is shown on the dashboard, hosts are DNS names or IPs. */
const maxNameChars = 200
const maxHostChars = 255
/** Instruction uuids are 36 characters; anything much longer is not one of ours. */
const maxUuidChars = 64

/** `/beacon`: an instance announcing itself (SCBeaconMessage). */
export const beaconSchema = z.object({
  name: oscBoundedString(maxNameChars).optional(),
  synth_port: oscPort.optional(),
  lang_port: oscPort,
  janus_out_port: oscPort.optional(),
  janus_in_port: oscPort.optional(),
  janus_out_room: oscRoom.optional(),
  janus_in_room: oscRoom.optional(),
  janus_public_ip: oscBoundedString(maxHostChars).optional(),
  use_input: oscBoolean.optional(),
  osc_backend_host: oscBoundedString(maxHostChars).optional(),
  osc_backend_port: oscPort.optional(),
})
export type BeaconMessage = z.infer<typeof beaconSchema>

/** `/acknowledge`: an instance reporting on an instruction (SCAcknowledgeMessage). */
export const acknowledgeSchema = z.object({
  uuid: oscString.pipe(
    z
      .string()
      .min(1, { error: 'expected a non-empty uuid' })
      .max(maxUuidChars, { error: `longer than ${maxUuidChars} characters` }),
  ),
  // An unknown status string maps to FAILURE, as in the original.
  status: oscString.transform((status): AcknowledgeStatus => {
    const upper = status.toUpperCase()
    return isAcknowledgeStatus(upper) ? upper : 'FAILURE'
  }),
  return_value: oscString.optional(),
})
export type AcknowledgeMessage = z.infer<typeof acknowledgeSchema>

/** The only protocol version this backend speaks for remote actions. */
export const supportedProtocolVersion = '0.1'

/** `/remote/action` without its password, which is checked before anything else. */
export const remoteActionSchema = z.object({
  action: oscString.pipe(z.enum(['code', 'speak'], { error: 'unknown action (code or speak)' })),
  cmd: oscString,
  target: oscBoundedString(maxHostChars).optional(),
  protocol_version: oscString.refine((version) => version === supportedProtocolVersion, {
    error: `unsupported protocol_version (this backend speaks ${supportedProtocolVersion})`,
  }),
  // Not in the original protocol: points that have listeners are only included on request.
  include_busy: oscBoolean.optional(),
})
export type RemoteActionMessage = z.infer<typeof remoteActionSchema>

/** The level names an instance may send: the contract's, and Python's alias WARN. */
const logLevelNames = { ...logLevels, WARN: logLevels.WARNING } as const

/** `/log`: a console line forwarded by an instance. */
export const logSchema = z.object({
  level: z.preprocess(
    (value) =>
      typeof value === 'string' && value.toUpperCase() in logLevelNames
        ? logLevelNames[value.toUpperCase() as keyof typeof logLevelNames]
        : value,
    z.literal(logLevelValues, {
      error: 'expected a log level (CRITICAL, ERROR, WARNING, INFO, DEBUG or 50..0)',
    }),
  ),
  message: oscString,
  name: oscString.optional(),
  lang_port: oscPort.optional(),
})
export type LogMessage = z.infer<typeof logSchema>

/**
 * Validates a parsed key/value record. Unknown keys are dropped.
 * @throws MalformedOscMessageError naming each bad field; values are never echoed.
 */
export function validateFields<T>(schema: z.ZodType<T>, fields: Record<string, unknown>): T {
  const result = schema.safeParse(fields)
  if (result.success) return result.data
  const reasons = result.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.')
    const missing = field !== '' && fields[field] === undefined
    return field === '' ? issue.message : `${field}: ${missing ? 'missing' : issue.message}`
  })
  throw new MalformedOscMessageError(reasons.join('; '))
}
