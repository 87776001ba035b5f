import { describe, expect, it } from 'vitest'
import {
  acknowledgeSchema,
  beaconSchema,
  logSchema,
  remoteActionSchema,
  validateFields,
} from '../../../src-main/core/osc/message-schemas.js'
import { MalformedOscMessageError } from '../../../src-main/core/osc/osc-errors.js'

describe('beacon', () => {
  it('coerces what the original SuperCollider class sends', () => {
    const beacon = validateFields(beaconSchema, {
      name: 'sc1',
      synth_port: 57110,
      lang_port: 57120,
      janus_out_port: '5002',
      janus_in_port: '5003',
      janus_out_room: '12',
      janus_in_room: ' 13 ',
      janus_public_ip: '10.0.0.1',
      use_input: 1,
      osc_backend_host: 'backend',
      osc_backend_port: 7000,
      uuid: 0,
      status: 'BEACON',
    })
    expect(beacon).toEqual({
      name: 'sc1',
      synth_port: 57110,
      lang_port: 57120,
      janus_out_port: 5002,
      janus_in_port: 5003,
      janus_out_room: 12,
      janus_in_room: 13,
      janus_public_ip: '10.0.0.1',
      use_input: true,
      osc_backend_host: 'backend',
      osc_backend_port: 7000,
    })
  })

  it('keeps strings up to their bounds', () => {
    const beacon = validateFields(beaconSchema, {
      lang_port: 1,
      name: 'n'.repeat(200),
      janus_public_ip: 'h'.repeat(255),
      osc_backend_host: 'h'.repeat(255),
      janus_in_room: 0,
      janus_out_room: Number.MAX_SAFE_INTEGER,
    })
    expect(beacon.name).toHaveLength(200)
    expect(beacon.janus_public_ip).toHaveLength(255)
    expect(beacon.osc_backend_host).toHaveLength(255)
    expect(beacon.janus_out_room).toBe(Number.MAX_SAFE_INTEGER)
  })

  it('leaves absent janus keys absent', () => {
    expect(validateFields(beaconSchema, { lang_port: 57120 })).toEqual({ lang_port: 57120 })
  })

  it.each([
    [{}, 'lang_port: missing'],
    [{ lang_port: 'abc' }, 'lang_port: expected a port number'],
    [{ lang_port: 70000 }, 'lang_port: expected a port number (0-65535)'],
    [{ lang_port: 1.5 }, 'lang_port: expected a port number'],
    [{ lang_port: 1, use_input: 'maybe' }, 'use_input: expected a boolean'],
  ])('rejects %j', (fields, reason) => {
    expect(() => validateFields(beaconSchema, fields)).toThrow(MalformedOscMessageError)
    expect(() => validateFields(beaconSchema, fields)).toThrow(reason)
  })

  it.each([
    [{ lang_port: 1, name: 'n'.repeat(60_000) }, 'name: longer than 200 characters'],
    [{ lang_port: 1, janus_public_ip: 'h'.repeat(256) }, 'janus_public_ip: longer than 255'],
    [{ lang_port: 1, osc_backend_host: 'h'.repeat(256) }, 'osc_backend_host: longer than 255'],
    [{ lang_port: 1, janus_out_port: -1 }, 'janus_out_port: expected a port number'],
    [{ lang_port: 1, osc_backend_port: 65536 }, 'osc_backend_port: expected a port number'],
    [{ lang_port: 1, janus_out_room: -3 }, 'janus_out_room: expected a room number (0 or more)'],
    [{ lang_port: 1, janus_in_room: '-3' }, 'janus_in_room: expected a room number'],
    [{ lang_port: 1, janus_in_room: 2 ** 60 }, 'janus_in_room: expected a room number (a safe'],
  ])('rejects an out-of-bounds field (%#)', (fields, reason) => {
    expect(() => validateFields(beaconSchema, fields)).toThrow(MalformedOscMessageError)
    expect(() => validateFields(beaconSchema, fields)).toThrow(reason)
  })
})

describe('acknowledge', () => {
  it('takes a known status and an optional return value', () => {
    expect(
      validateFields(acknowledgeSchema, { uuid: 'u', status: 'FINISHED', return_value: '2' }),
    ).toEqual({
      uuid: 'u',
      status: 'FINISHED',
      return_value: '2',
    })
  })

  it('maps an unknown status to FAILURE, as the original did', () => {
    expect(validateFields(acknowledgeSchema, { uuid: 'u', status: 'EXPLODED' }).status).toBe(
      'FAILURE',
    )
  })

  it('turns a numeric return value into text', () => {
    expect(
      validateFields(acknowledgeSchema, { uuid: 'u', status: 'FINISHED', return_value: 2 })
        .return_value,
    ).toBe('2')
  })

  it('needs a uuid', () => {
    expect(() => validateFields(acknowledgeSchema, { status: 'FINISHED' })).toThrow('uuid: missing')
    expect(() => validateFields(acknowledgeSchema, { uuid: '', status: 'FINISHED' })).toThrow(
      'non-empty uuid',
    )
  })

  it('refuses a uuid longer than 64 characters but keeps a long return value', () => {
    expect(() =>
      validateFields(acknowledgeSchema, { uuid: 'u'.repeat(65), status: 'FINISHED' }),
    ).toThrow('uuid: longer than 64 characters')
    expect(
      validateFields(acknowledgeSchema, {
        uuid: 'u'.repeat(64),
        status: 'FINISHED',
        return_value: 'r'.repeat(60_000),
      }).return_value,
    ).toHaveLength(60_000)
  })
})

describe('remote action', () => {
  const valid = { action: 'code', cmd: '1+1', protocol_version: '0.1' }

  it('accepts code and speak with an optional target', () => {
    expect(validateFields(remoteActionSchema, { ...valid, target: 12 })).toEqual({
      ...valid,
      target: '12',
    })
    expect(validateFields(remoteActionSchema, { ...valid, action: 'speak' }).action).toBe('speak')
  })

  it('refuses another protocol version', () => {
    expect(() => validateFields(remoteActionSchema, { ...valid, protocol_version: '0.2' })).toThrow(
      'unsupported protocol_version',
    )
  })

  it('refuses a target longer than 255 characters', () => {
    expect(() => validateFields(remoteActionSchema, { ...valid, target: 't'.repeat(256) })).toThrow(
      'target: longer than 255 characters',
    )
  })

  it('refuses an unknown action', () => {
    expect(() => validateFields(remoteActionSchema, { ...valid, action: 'delete' })).toThrow(
      'unknown action',
    )
  })
})

describe('log', () => {
  it('takes level names and numbers', () => {
    expect(validateFields(logSchema, { level: 'warning', message: 'm' }).level).toBe(30)
    expect(validateFields(logSchema, { level: 40, message: 'm' }).level).toBe(40)
  })

  it('refuses an unknown level', () => {
    expect(() => validateFields(logSchema, { level: 'LOUD', message: 'm' })).toThrow(
      'expected a log level',
    )
  })
})
