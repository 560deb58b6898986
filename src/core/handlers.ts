import type { MethodName, MethodOutput, ParsedInput } from '../shared/contract';
import type { PasswordHasher } from './accounts/password-hasher';
import type { Db } from './db/types';
import type { AvatarStore } from './profile/avatar-store';
import type { AttachmentStore } from './lessons/attachment-store';
import type { EventHub } from './events/event-hub';
import type { Session } from './session/session';
import type { SecretBox } from './ai/secret-box';
import type { TeacherFactory } from './ai/teachers';
import type { ReplyRunner } from './ai/reply-runner';

/** What every feature's handlers get from `create-core`. */
export interface CoreDeps {
  db: Db;
  session: Session;
  events: EventHub;
  appVersion: string;
  passwords: PasswordHasher;
  avatars: AvatarStore;
  attachments: AttachmentStore;
  /** The clock, injectable so tests control time. */
  now: () => Date;
  /** The device's IANA time zone now: it fixes the local day of everything the student does. */
  timeZone: () => string;
  /** Encrypts API keys at rest. */
  secrets: SecretBox;
  teachers: TeacherFactory;
  /** The AI teacher's replies in progress. */
  replies: ReplyRunner;
}

export type Handler<M extends MethodName> = (input: ParsedInput<M>) => Promise<MethodOutput<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };
export type HandlerGroup<M extends MethodName> = { [K in M]: Handler<K> };
