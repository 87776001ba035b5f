import type { Database, Statement } from 'better-sqlite3'
import { returningRow } from '../returning-row.js'

/** Speech made from SSML text with one voice (seed: TextToSpeech). */
export interface TextToSpeech {
  readonly uuid: string
  readonly createdDate: string
  readonly modifiedDate: string
  readonly audioFile: string
  readonly text: string
  readonly voiceName: string
}

interface TextToSpeechRow {
  uuid: string
  created_date: string
  modified_date: string
  audio_file: string
  text: string
  voice_name: string
}

function toTextToSpeech(row: TextToSpeechRow): TextToSpeech {
  return {
    uuid: row.uuid,
    createdDate: row.created_date,
    modifiedDate: row.modified_date,
    audioFile: row.audio_file,
    text: row.text,
    voiceName: row.voice_name,
  }
}

/** The `text_to_speech` table: the cache behind `create_from_text`. */
export class TextToSpeechRepository {
  private readonly insert: Statement
  private readonly byTextAndVoice: Statement

  constructor(db: Database) {
    this.insert = db.prepare(`
      INSERT INTO text_to_speech (uuid, created_date, modified_date, audio_file, text, voice_name)
      VALUES (@uuid, @now, @now, @audioFile, @text, @voiceName) RETURNING *`)
    this.byTextAndVoice = db.prepare(`
      SELECT * FROM text_to_speech WHERE text = ? AND voice_name = ?
      ORDER BY created_date DESC, rowid DESC LIMIT 1`)
  }

  create(input: {
    audioFile: string
    text: string
    voiceName: string
    nowIso: string
  }): TextToSpeech {
    const row = returningRow(this.insert, {
      uuid: crypto.randomUUID(),
      now: input.nowIso,
      audioFile: input.audioFile,
      text: input.text,
      voiceName: input.voiceName,
    }) as TextToSpeechRow
    return toTextToSpeech(row)
  }

  /** The newest speech for exactly this text and voice, if any. */
  findByTextAndVoice(text: string, voiceName: string): TextToSpeech | undefined {
    const row = this.byTextAndVoice.get(text, voiceName) as TextToSpeechRow | undefined
    return row && toTextToSpeech(row)
  }
}
