import type { Migration } from './migration.js'

/** One table per seed model, the seed's field names in snake_case. */
export const initialSchema: Migration = {
  version: 1,
  name: 'initial schema',
  sql: `
    CREATE TABLE stream_point (
      uuid TEXT PRIMARY KEY NOT NULL,
      created_date TEXT NOT NULL,
      modified_date TEXT NOT NULL,
      host TEXT NOT NULL,
      port INTEGER NOT NULL,
      use_input INTEGER NOT NULL DEFAULT 0 CHECK (use_input IN (0, 1)),
      janus_in_port INTEGER,
      janus_out_port INTEGER,
      janus_in_room INTEGER,
      janus_out_room INTEGER,
      janus_public_ip TEXT,
      sc_name TEXT,
      last_live TEXT,
      UNIQUE (host, port)
    );

    CREATE TABLE stream (
      uuid TEXT PRIMARY KEY NOT NULL,
      created_date TEXT NOT NULL,
      modified_date TEXT NOT NULL,
      stream_point TEXT NOT NULL REFERENCES stream_point (uuid) ON DELETE CASCADE,
      num_listeners INTEGER NOT NULL DEFAULT 0 CHECK (num_listeners >= 0)
    );
    CREATE INDEX stream_stream_point ON stream (stream_point, num_listeners);

    CREATE TABLE stream_variable (
      uuid TEXT PRIMARY KEY NOT NULL,
      created_date TEXT NOT NULL,
      modified_date TEXT NOT NULL,
      stream TEXT NOT NULL REFERENCES stream (uuid) ON DELETE CASCADE,
      key TEXT NOT NULL,
      value TEXT NOT NULL,
      stream_to_sc INTEGER NOT NULL DEFAULT 0 CHECK (stream_to_sc IN (0, 1)),
      UNIQUE (stream, key)
    );

    CREATE TABLE stream_instruction (
      uuid TEXT PRIMARY KEY NOT NULL,
      created_date TEXT NOT NULL,
      modified_date TEXT NOT NULL,
      stream_point TEXT NOT NULL REFERENCES stream_point (uuid) ON DELETE CASCADE,
      instruction_text TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'UNACKNOWLEDGED' CHECK (state IN (
        'UNACKNOWLEDGED', 'SENT', 'RECEIVED', 'READY', 'FINISHED', 'SUCCESS', 'FAILURE')),
      return_value TEXT,
      manual_finish INTEGER NOT NULL DEFAULT 0 CHECK (manual_finish IN (0, 1)),
      sent_date TEXT,
      received_date TEXT,
      finished_date TEXT,
      deadline_date TEXT,
      no_answer_date TEXT,
      round_trip_ms REAL
    );
    CREATE INDEX stream_instruction_point_created
      ON stream_instruction (stream_point, created_date DESC);
    CREATE INDEX stream_instruction_created ON stream_instruction (created_date DESC);

    CREATE TABLE stream_log (
      uuid TEXT PRIMARY KEY NOT NULL,
      created_date TEXT NOT NULL,
      modified_date TEXT NOT NULL,
      stream_point TEXT REFERENCES stream_point (uuid) ON DELETE SET NULL,
      stream TEXT REFERENCES stream (uuid) ON DELETE SET NULL,
      origin TEXT NOT NULL CHECK (origin IN ('graph_engine', 'supercollider', 'janus')),
      level INTEGER NOT NULL CHECK (level IN (0, 10, 20, 30, 40, 50)),
      message TEXT NOT NULL,
      name TEXT
    );
    CREATE INDEX stream_log_created ON stream_log (created_date DESC);
    CREATE INDEX stream_log_point ON stream_log (stream_point, created_date DESC);

    CREATE TABLE audio_file (
      uuid TEXT PRIMARY KEY NOT NULL,
      created_date TEXT NOT NULL,
      modified_date TEXT NOT NULL,
      name TEXT NOT NULL DEFAULT 'untitled',
      auto_generated INTEGER NOT NULL DEFAULT 0 CHECK (auto_generated IN (0, 1)),
      file TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT ''
    );

    CREATE TABLE text_to_speech (
      uuid TEXT PRIMARY KEY NOT NULL,
      created_date TEXT NOT NULL,
      modified_date TEXT NOT NULL,
      audio_file TEXT NOT NULL REFERENCES audio_file (uuid) ON DELETE CASCADE,
      text TEXT NOT NULL,
      voice_name TEXT NOT NULL
    );
    CREATE INDEX text_to_speech_text_voice ON text_to_speech (text, voice_name);
  `,
}
