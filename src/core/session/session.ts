import { AppError } from '../errors/app-error';

/** Who the core acts for. Handlers take the user from here, never from the renderer's input. */
export class Session {
  private userId: string | null = null;

  signIn(userId: string): void {
    this.userId = userId;
  }

  signOut(): void {
    this.userId = null;
  }

  get currentUserId(): string | null {
    return this.userId;
  }

  requireUserId(): string {
    if (!this.userId) throw new AppError('unauthenticated', 'Sign in first');
    return this.userId;
  }
}
