import { createHmac, randomBytes } from 'node:crypto';
import { parseShortCitation } from '../answer/citation.js';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import type { AnswerSubject, Platform, Surface, VoteRecord } from '../types.js';
import { openSqlClient } from './open.js';
import type { SqlClient } from './sql.js';

/** One answered question, as recorded. */
export interface QuestionRecord {
  /** Milliseconds since the epoch. */
  at: number;
  platform: Platform;
  surface: Surface;
  channelId?: string;
  /** The platform's own id; only its salted hash is stored. */
  userId?: string;
  question: string;
  found: boolean;
  reason?: string;
  /** The answer's citations (found) or closest notes (not found), best first, with the commit each was read at, if known. */
  notes: { file: string; startLine: number; endLine: number; score: number; commit?: string }[];
  latencyMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const SALT_KEY = 'user_id_salt';

/**
 * Questions and votes, in SQLite or PostgreSQL (the same statements on both). User ids are stored as an HMAC with
 * a random per-install salt kept in the database: enough to link a vote to its question and count people, not to
 * name them. Replicas sharing one PostgreSQL share the salt, so a person is one person across them.
 */
export class FeedbackStore {
  private constructor(
    readonly sql: SqlClient,
    private readonly salt: string,
  ) {}

  /** The store over an open, migrated database. */
  static async over(sql: SqlClient): Promise<FeedbackStore> {
    await sql.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [SALT_KEY, randomBytes(32).toString('hex')]);
    const salt = (await sql.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [SALT_KEY]))?.value ?? '';
    return new FeedbackStore(sql, salt);
  }

  /** Opens (and migrates) the database at `location`: an SQLite file path or a postgres:// URL. */
  static async open(location: string, logger: Logger = silentLogger()): Promise<FeedbackStore> {
    const sql = await openSqlClient(location, logger);
    try {
      return await FeedbackStore.over(sql);
    } catch (error) {
      await sql.close();
      throw error;
    }
  }

  /** This store writing through `tx` (a transaction's client). */
  within(tx: SqlClient): FeedbackStore {
    return tx === this.sql ? this : new FeedbackStore(tx, this.salt);
  }

  /** The stored form of a user id: a salted hash, stable for this database. */
  hashUser(platform: Platform, userId: string): string {
    return createHmac('sha256', this.salt).update(`${platform}:${userId}`).digest('hex').slice(0, 32);
  }

  /** Stores one question with the notes it was given; returns its row id. */
  recordQuestion(record: QuestionRecord): Promise<number> {
    const top = record.notes[0];
    return this.sql.transaction(async (tx) => {
      const row = await tx.get<{ id: number }>(
        `INSERT INTO questions (asked_at, platform, surface, channel_id, user_hash, question, found, reason, top_file, top_start, top_end, score, latency_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        [
          record.at,
          record.platform,
          record.surface,
          record.channelId ?? null,
          record.userId === undefined ? null : this.hashUser(record.platform, record.userId),
          record.question,
          record.found ? 1 : 0,
          record.reason ?? null,
          top?.file ?? null,
          top?.startLine ?? null,
          top?.endLine ?? null,
          top?.score ?? null,
          Math.max(0, Math.round(record.latencyMs)),
        ],
      );
      const id = Number(row?.id);
      // One statement for all the notes: with PostgreSQL each statement is a round trip.
      if (record.notes.length > 0) {
        await tx.run(
          `INSERT INTO question_notes (question_id, rank, file, start_line, end_line, commit_sha) VALUES ${record.notes.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
          record.notes.flatMap((note, rank) => [id, rank, note.file, note.startLine, note.endLine, note.commit ?? null]),
        );
      }
      return id;
    });
  }

  /**
   * Stores a vote, linked to the latest matching question: the voter's own, else anyone's on the same platform
   * (a shared answer is voted on by others). A person's later vote on the same answer replaces the earlier one.
   * Returns the linked question's id, if any.
   */
  recordVote(given: VoteRecord, at: number): Promise<number | undefined> {
    const userHash = this.hashUser(given.platform, given.userId);
    return this.sql.transaction(async (tx) => {
      const vote = given.question === undefined ? await this.withQuestionOfCitation(tx, given, at) : given;
      const questionId = vote.question === undefined ? undefined : await this.latestAsking(tx, vote.platform, vote.question, userHash, at);
      if (questionId === undefined) {
        await tx.run(
          'DELETE FROM votes WHERE question_id IS NULL AND platform = ? AND question IS NOT DISTINCT FROM ? AND citation IS NOT DISTINCT FROM ? AND user_hash = ?',
          [vote.platform, vote.question ?? null, vote.citation ?? null, userHash],
        );
      } else {
        await tx.run('DELETE FROM votes WHERE question_id = ? AND user_hash = ?', [questionId, userHash]);
      }
      await tx.run(
        `INSERT INTO votes (voted_at, question_id, platform, channel_id, user_hash, vote, question, citation) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [at, questionId ?? null, vote.platform, vote.channelId ?? null, userHash, vote.vote, vote.question ?? null, vote.citation ?? null],
      );
      return questionId;
    });
  }

  private async latestAsking(tx: SqlClient, platform: string, question: string, userHash: string, at: number): Promise<number | undefined> {
    const latest = 'ORDER BY asked_at DESC, id DESC LIMIT 1';
    const own = await tx.get<{ id: number }>(`SELECT id FROM questions WHERE platform = ? AND question = ? AND user_hash = ? AND asked_at <= ? ${latest}`, [platform, question, userHash, at]);
    const any = own ?? (await tx.get<{ id: number }>(`SELECT id FROM questions WHERE platform = ? AND question = ? AND asked_at <= ? ${latest}`, [platform, question, at]));
    return any === undefined ? undefined : Number(any.id);
  }

  /**
   * A vote that comes without its question (a Discord button clicked after a restart carries only the citation)
   * takes the latest question answered in the same channel with that citation first.
   */
  private async withQuestionOfCitation(tx: SqlClient, vote: VoteRecord, at: number): Promise<VoteRecord> {
    const cited = vote.citation === undefined ? undefined : parseShortCitation(vote.citation);
    if (!cited || vote.channelId === undefined) return vote;
    const asked = await tx.get<{ question: string }>(
      `SELECT question FROM questions
       WHERE platform = ? AND channel_id = ? AND top_file = ? AND top_start = ? AND top_end = ? AND asked_at <= ?
       ORDER BY asked_at DESC, id DESC LIMIT 1`,
      [vote.platform, vote.channelId, cited.file, cited.startLine, cited.endLine, at],
    );
    return asked ? { ...vote, question: asked.question } : vote;
  }

  /** Keeps what an answer shown in chat was about, under the id its buttons carry. */
  async saveAnswer(id: string, subject: AnswerSubject, at: number): Promise<void> {
    await this.sql.run('INSERT INTO shown_answers (id, shown_at, question, citation) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING', [id, at, subject.question, subject.citation ?? null]);
  }

  async findAnswer(id: string): Promise<AnswerSubject | undefined> {
    const row = await this.sql.get<{ question: string; citation: string | null }>('SELECT question, citation FROM shown_answers WHERE id = ?', [id]);
    return row && { question: row.question, ...(row.citation !== null && { citation: row.citation }) };
  }

  /** Deletes questions and votes older than `days`, and shared state past its time; returns how many rows went. */
  prune(days: number, now: number): Promise<{ questions: number; votes: number }> {
    const cutoff = now - days * DAY_MS;
    return this.sql.transaction(async (tx) => {
      const votes = await tx.run('DELETE FROM votes WHERE voted_at < ?', [cutoff]);
      const questions = await tx.run('DELETE FROM questions WHERE asked_at < ?', [cutoff]);
      await tx.run('DELETE FROM shown_answers WHERE shown_at < ?', [cutoff]);
      await tx.run('DELETE FROM replay_claims WHERE expires_at < ?', [now]);
      await tx.run('DELETE FROM rate_windows WHERE expires_at < ?', [now]);
      return { questions, votes };
    });
  }

  close(): Promise<void> {
    return this.sql.close();
  }
}
