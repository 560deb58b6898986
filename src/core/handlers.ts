import type { MethodName, MethodOutput, ParsedInput } from '../shared/contract';
import type { PasswordHasher } from './accounts/password-hasher';
import type { Db } from './db/types';
import type { AvatarStore } from './profile/avatar-store';
import type { AttachmentStore } from './lessons/attachment-store';
import type { EventHub } from './events/event-hub';
import type { Session } from './session/session';

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
}

export type Handler<M extends MethodName> = (input: ParsedInput<M>) => Promise<MethodOutput<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };
export type HandlerGroup<M extends MethodName> = { [K in M]: Handler<K> };
