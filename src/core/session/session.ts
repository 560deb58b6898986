import type { UserRole } from '../../shared/domain';
import { AppError } from '../errors/app-error';

export interface SignedInUser {
  id: string;
  role: UserRole;
}

/** Who the core acts for. Handlers take the user from here, never from the renderer's input. */
export class Session {
  private user: SignedInUser | null = null;

  signIn(user: SignedInUser): void {
    this.user = { id: user.id, role: user.role };
  }

  signOut(): void {
    this.user = null;
  }

  get current(): SignedInUser | null {
    return this.user;
  }

  get currentUserId(): string | null {
    return this.user?.id ?? null;
  }

  requireUserId(): string {
    if (!this.user) throw new AppError('unauthenticated', 'Sign in first');
    return this.user.id;
  }
}
