import { createHmac, randomBytes } from 'node:crypto';
import { parseShortCitation } from '../answer/citation.js';
import type { Platform, Surface, VoteRecord } from '../types.js';
import { openDatabase, type Db } from './db.js';

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
  /** The answer's citations (found) or closest notes (not found), best first. */
  notes: { file: string; startLine: number; endLine: number; score: number }[];
  latencyMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const SALT_KEY = 'user_id_salt';

/**
 * Questions and votes in SQLite. User ids are stored as an HMAC with a random per-install salt kept in the
 * database: enough to link a vote to its question and count people, not to name them.
 */
export class FeedbackStore {
  private readonly salt: string;
  private readonly insertQuestion;
  private readonly insertNote;
  private readonly insertVote;
  private readonly latestByAsker;
  private readonly latestByText;
  private readonly latestByCitation;
  private readonly dropLinkedVote;
  private readonly dropUnlinkedVote;

  constructor(readonly db: Db) {
    db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run(SALT_KEY, randomBytes(32).toString('hex'));
    this.salt = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(SALT_KEY)?.value ?? '';
    this.insertQuestion = db.prepare(
      `INSERT INTO questions (asked_at, platform, surface, channel_id, user_hash, question, found, reason, top_file, top_start, top_end, score, latency_ms)
       VALUES (@at, @platform, @surface, @channelId, @userHash, @question, @found, @reason, @topFile, @topStart, @topEnd, @score, @latencyMs)`,
    );
    this.insertNote = db.prepare('INSERT INTO question_notes (question_id, rank, file, start_line, end_line) VALUES (?, ?, ?, ?, ?)');
    this.insertVote = db.prepare(
      `INSERT INTO votes (voted_at, question_id, platform, channel_id, user_hash, vote, question, citation)
       VALUES (@at, @questionId, @platform, @channelId, @userHash, @vote, @question, @citation)`,
    );
    this.latestByAsker = db.prepare<[string, string, string, number], { id: number }>(
      'SELECT id FROM questions WHERE platform = ? AND question = ? AND user_hash = ? AND asked_at <= ? ORDER BY asked_at DESC, id DESC LIMIT 1',
    );
    this.latestByText = db.prepare<[string, string, number], { id: number }>(
      'SELECT id FROM questions WHERE platform = ? AND question = ? AND asked_at <= ? ORDER BY asked_at DESC, id DESC LIMIT 1',
    );
    this.latestByCitation = db.prepare<[string, string, string, number, number, number], { id: number; question: string }>(
      `SELECT id, question FROM questions
       WHERE platform = ? AND channel_id = ? AND top_file = ? AND top_start = ? AND top_end = ? AND asked_at <= ?
       ORDER BY asked_at DESC, id DESC LIMIT 1`,
    );
    this.dropLinkedVote = db.prepare('DELETE FROM votes WHERE question_id = ? AND user_hash = ?');
    this.dropUnlinkedVote = db.prepare('DELETE FROM votes WHERE question_id IS NULL AND platform = ? AND question IS ? AND citation IS ? AND user_hash = ?');
  }

  static open(path: string): FeedbackStore {
    const db = openDatabase(path);
    try {
      return new FeedbackStore(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** The stored form of a user id: a salted hash, stable for this database. */
  hashUser(platform: Platform, userId: string): string {
    return createHmac('sha256', this.salt).update(`${platform}:${userId}`).digest('hex').slice(0, 32);
  }

  /** Stores one question with the notes it was given; returns its row id. */
  recordQuestion(record: QuestionRecord): number {
    const top = record.notes[0];
    return this.db.transaction(() => {
      const { lastInsertRowid } = this.insertQuestion.run({
        at: record.at,
        platform: record.platform,
        surface: record.surface,
        channelId: record.channelId ?? null,
        userHash: record.userId === undefined ? null : this.hashUser(record.platform, record.userId),
        question: record.question,
        found: record.found ? 1 : 0,
        reason: record.reason ?? null,
        topFile: top?.file ?? null,
        topStart: top?.startLine ?? null,
        topEnd: top?.endLine ?? null,
        score: top?.score ?? null,
        latencyMs: Math.max(0, Math.round(record.latencyMs)),
      });
      const id = Number(lastInsertRowid);
      record.notes.forEach((note, rank) => this.insertNote.run(id, rank, note.file, note.startLine, note.endLine));
      return id;
    })();
  }

  /**
   * Stores a vote, linked to the latest matching question: the voter's own, else anyone's on the same platform
   * (a shared answer is voted on by others). A person's later vote on the same answer replaces the earlier one.
   * Returns the linked question's id, if any.
   */
  recordVote(given: VoteRecord, at: number): number | undefined {
    const userHash = this.hashUser(given.platform, given.userId);
    return this.db.transaction(() => {
      const vote = given.question === undefined ? this.withQuestionOfCitation(given, at) : given;
      const questionId =
        vote.question === undefined
          ? undefined
          : (this.latestByAsker.get(vote.platform, vote.question, userHash, at) ?? this.latestByText.get(vote.platform, vote.question, at))?.id;
      if (questionId === undefined) this.dropUnlinkedVote.run(vote.platform, vote.question ?? null, vote.citation ?? null, userHash);
      else this.dropLinkedVote.run(questionId, userHash);
      this.insertVote.run({
        at,
        questionId: questionId ?? null,
        platform: vote.platform,
        channelId: vote.channelId ?? null,
        userHash,
        vote: vote.vote,
        question: vote.question ?? null,
        citation: vote.citation ?? null,
      });
      return questionId;
    })();
  }

  /**
   * A vote that comes without its question (a Discord button clicked after a restart carries only the citation)
   * takes the latest question answered in the same channel with that citation first.
   */
  private withQuestionOfCitation(vote: VoteRecord, at: number): VoteRecord {
    const cited = vote.citation === undefined ? undefined : parseShortCitation(vote.citation);
    if (!cited || vote.channelId === undefined) return vote;
    const asked = this.latestByCitation.get(vote.platform, vote.channelId, cited.file, cited.startLine, cited.endLine, at);
    return asked ? { ...vote, question: asked.question } : vote;
  }

  /** Deletes questions and votes older than `days`; returns how many rows went. */
  prune(days: number, now: number): { questions: number; votes: number } {
    const cutoff = now - days * DAY_MS;
    return this.db.transaction(() => ({
      votes: this.db.prepare('DELETE FROM votes WHERE voted_at < ?').run(cutoff).changes,
      questions: this.db.prepare('DELETE FROM questions WHERE asked_at < ?').run(cutoff).changes,
    }))();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
