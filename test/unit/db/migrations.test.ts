import BetterSqlite3 from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { logLevelValues } from '../../../src-main/contract/index.js'
import { DatabaseTooNewError, migrate } from '../../../src-main/core/db/migrate.js'
import { migrations } from '../../../src-main/core/db/migrations/index.js'
import { openDatabase } from '../../../src-main/core/db/open-database.js'
import { makeTempDir } from '../../support/temp-dir.js'

describe('migrations on a real database file', () => {
  let dir: ReturnType<typeof makeTempDir>
  let file: string
  beforeEach(() => {
    dir = makeTempDir('migrations')
    file = join(dir.path, 'gencaster.sqlite')
  })
  afterEach(() => dir.remove())

  it('are numbered 1..n without gaps', () => {
    expect(migrations.map((migration) => migration.version)).toEqual(
      migrations.map((_, index) => index + 1),
    )
  })

  it('0001 creates one table per seed model with the seed field names', () => {
    const db = openDatabase({ file, migrations: migrations.slice(0, 1) })
    const columns = (table: string): string[] =>
      (db.pragma(`table_info(${table})`) as { name: string }[]).map((column) => column.name)
    expect(columns('stream_point')).toEqual(
      expect.arrayContaining([
        'uuid',
        'created_date',
        'modified_date',
        'host',
        'port',
        'use_input',
        'janus_in_port',
        'janus_out_port',
        'janus_in_room',
        'janus_out_room',
        'janus_public_ip',
        'sc_name',
        'last_live',
      ]),
    )
    expect(columns('stream')).toEqual(expect.arrayContaining(['stream_point', 'num_listeners']))
    expect(columns('stream_variable')).toEqual(
      expect.arrayContaining(['stream', 'key', 'value', 'stream_to_sc']),
    )
    expect(columns('stream_instruction')).toEqual(
      expect.arrayContaining(['stream_point', 'instruction_text', 'state', 'return_value']),
    )
    expect(columns('stream_log')).toEqual(
      expect.arrayContaining(['stream_point', 'stream', 'origin', 'level', 'message', 'name']),
    )
    expect(columns('audio_file')).toEqual(
      expect.arrayContaining(['name', 'auto_generated', 'file', 'description']),
    )
    expect(columns('text_to_speech')).toEqual(
      expect.arrayContaining(['audio_file', 'text', 'voice_name']),
    )
    expect(db.pragma('user_version', { simple: true })).toBe(1)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    // The constraints the seed states hold in the schema itself.
    db.prepare(
      "INSERT INTO stream_point (uuid, created_date, modified_date, host, port) VALUES ('a', '', '', 'h', 1)",
    ).run()
    expect(() =>
      db
        .prepare(
          "INSERT INTO stream_point (uuid, created_date, modified_date, host, port) VALUES ('b', '', '', 'h', 1)",
        )
        .run(),
    ).toThrow(/UNIQUE/)
    expect(() =>
      db
        .prepare(
          "INSERT INTO stream (uuid, created_date, modified_date, stream_point, num_listeners) VALUES ('s', '', '', 'a', -1)",
        )
        .run(),
    ).toThrow(/CHECK/)
    expect(() =>
      db
        .prepare(
          "INSERT INTO stream (uuid, created_date, modified_date, stream_point) VALUES ('s', '', '', 'missing')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/)
    db.close()
  })

  it('0002 adds the editor documents to a version 1 database and keeps its data', () => {
    const v1 = openDatabase({ file, migrations: migrations.slice(0, 1) })
    v1.prepare(
      "INSERT INTO stream_point (uuid, created_date, modified_date, host, port) VALUES ('a', '', '', 'h', 1)",
    ).run()
    v1.close()
    const v2 = openDatabase({ file, migrations: migrations.slice(0, 2) })
    expect(v2.pragma('user_version', { simple: true })).toBe(2)
    expect(
      (v2.pragma('table_info(editor_document)') as { name: string }[]).map((column) => column.name),
    ).toEqual(['uuid', 'created_date', 'modified_date', 'title', 'text', 'position'])
    expect(v2.prepare('SELECT COUNT(*) FROM stream_point').pluck().get()).toBe(1)
    v2.close()
  })

  it('0003 gives every kept document revision 1 and no last writer', () => {
    const v2 = openDatabase({ file, migrations: migrations.slice(0, 2) })
    v2.prepare(
      "INSERT INTO editor_document (uuid, created_date, modified_date, title, text) VALUES ('d', '', '', 'Tab', 'kept')",
    ).run()
    v2.close()
    const v3 = openDatabase({ file, migrations: migrations.slice(0, 3) })
    expect(v3.pragma('user_version', { simple: true })).toBe(3)
    expect(v3.prepare('SELECT text, revision, saved_by FROM editor_document').get()).toEqual({
      text: 'kept',
      revision: 1,
      saved_by: null,
    })
    expect(() =>
      v3.prepare("UPDATE editor_document SET revision = 0 WHERE uuid = 'd'").run(),
    ).toThrow(/CHECK/)
    v3.close()
  })

  it('opening twice applies nothing again and keeps the data', () => {
    const first = openDatabase({ file })
    first
      .prepare(
        "INSERT INTO stream_point (uuid, created_date, modified_date, host, port) VALUES ('a', '', '', 'h', 1)",
      )
      .run()
    first.close()
    const second = openDatabase({ file })
    expect(second.prepare('SELECT COUNT(*) FROM stream_point').pluck().get()).toBe(1)
    second.close()
  })

  it('refuse a database newer than the code, with a clear message', () => {
    const db = new BetterSqlite3(file)
    db.pragma('user_version = 99')
    db.close()
    expect(() => openDatabase({ file })).toThrow(DatabaseTooNewError)
    expect(() => openDatabase({ file })).toThrow(/schema version 99.*Update Gencaster Desktop/)
  })

  it('roll back every step of a failing batch', () => {
    const db = new BetterSqlite3(file)
    const broken = [
      ...migrations,
      { version: migrations.length + 1, name: 'good', sql: 'CREATE TABLE extra (id INTEGER)' },
      { version: migrations.length + 2, name: 'bad', sql: 'CREATE TABLE broken (' },
    ]
    expect(() => migrate(db, broken, file)).toThrow()
    expect(db.pragma('user_version', { simple: true })).toBe(0)
    expect(
      db
        .prepare("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('extra', 'stream_point')")
        .pluck()
        .get(),
    ).toBe(0)
    db.close()
  })

  it("the log table's CHECK takes exactly the contract's levels (the migration spells them out)", () => {
    const db = openDatabase({ file, migrations })
    const insert = db.prepare(
      `INSERT INTO stream_log (uuid, created_date, modified_date, origin, level, message)
       VALUES (?, '', '', 'graph_engine', ?, '')`,
    )
    for (const level of logLevelValues) expect(() => insert.run(`l-${level}`, level)).not.toThrow()
    expect(() => insert.run('l-25', 25)).toThrow(/CHECK constraint failed/)
    db.close()
  })
})
