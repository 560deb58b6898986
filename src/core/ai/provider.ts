import type { Language } from '../../shared/domain';

/**
 * What the teacher knows when it answers: built by the core from the database, never from the page.
 * A provider gets this plus the conversation; the teaching policy turns it into instructions.
 */
export interface TeachingContext {
  /** The student's interface language: the teacher answers in it. */
  language: Language;
  /** The student's grade (1–11) when known, so explanations fit their level. */
  grade: number | null;
  courseTitle: string | null;
  lesson: TeachingLesson | null;
  exercise: TeachingExercise | null;
  /** The student's own latest attempt at `exercise`, when there was one. */
  attempt: { answer: string; correct: boolean; tries: number } | null;
  /** Set for a homework review: the task, the criteria, the model answer and what the student wrote. */
  homework: { prompt: string; criteria: string[]; modelAnswer: string; studentAnswer: string } | null;
}

export interface TeachingLesson {
  id: string;
  title: string;
  topic: string;
  /** Markdown of the lesson, possibly shortened. */
  content: string;
  keyConcepts: { term: string; definition: string }[];
}

export interface TeachingExercise {
  id: string;
  prompt: string;
  /** Choices for choice exercises, empty otherwise. */
  options: string[];
  hints: string[];
  explanation: string;
  /** The right answer as text (never shown before the policy allows it). */
  answer: string;
}

export interface ChatTurn {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ReplyRequest {
  context: TeachingContext;
  /** The conversation so far, oldest first, user and assistant turns only; the last is the student's. */
  history: ChatTurn[];
  /** Aborted when the student presses stop, the session closes or the app quits. */
  signal: AbortSignal;
  /** Told when the model stopped because it reached its reply length (the reply is cut short). */
  onTruncated?: () => void;
}

/** A way to produce the teacher's reply, token by token. */
export interface TeacherProvider {
  readonly kind: 'openai' | 'offline' | 'embedded';
  /** Yields pieces of the reply as they arrive; throws `ProviderError` on failure or cancellation. */
  streamReply(request: ReplyRequest): AsyncIterable<string>;
}

export const PROVIDER_ERROR_CODES = [
  /** Connection refused, DNS failure, network down. */
  'unreachable',
  /** 401/403: the key is missing or wrong. */
  'unauthorized',
  /** 404 on the endpoint or an unknown model. */
  'not_found',
  /** 429: too many requests or out of quota. */
  'rate_limited',
  /** 5xx. */
  'server_error',
  /** The stream sent something that is not a chat completion. */
  'bad_stream',
  /** The connection closed (or was reset) before the reply was complete. */
  'connection_lost',
  /** The prompt does not fit in the model's context (llama.cpp `exceed_context_size_error` and kin). */
  'context_exceeded',
  /** The model's chat template wants strictly alternating user/assistant turns. */
  'roles_alternate',
  /** The model finished without a single word. */
  'empty_reply',
  /** The embedded model's file is missing, unreadable or not a model llama.cpp can run. */
  'model_unavailable',
  /** The embedded model does not fit in the free memory. */
  'model_too_large',
  /** No answer (or no next chunk) within the time allowed. */
  'timeout',
  /** Any other 4xx: the request was refused. */
  'bad_request',
  /** The student (or the app) stopped it. */
  'cancelled',
] as const;
export type ProviderErrorCode = (typeof PROVIDER_ERROR_CODES)[number];

export class ProviderError extends Error {
  constructor(
    readonly code: ProviderErrorCode,
    message: string,
    readonly status: number | null = null,
    readonly retryAfterSeconds: number | null = null,
    /** The server's own words about what went wrong (never with the API key), when it gave any. */
    readonly detail: string | null = null,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}
