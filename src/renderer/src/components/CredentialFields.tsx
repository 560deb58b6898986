import { TextField, type TextFieldProps } from './TextField';

/**
 * The fields every credential form shares (registering, an admin's new account, signing in here or on
 * the school's server, linking, changing the password): one label, one error and one set of browser
 * hints each, so a password manager and a screen reader meet the same field everywhere.
 */
type CredentialProps = Omit<TextFieldProps, 'type' | 'autoCapitalize' | 'spellCheck' | 'autoComplete'> & {
  /** `off` where the account is not the person typing (an admin making one). */
  autoComplete?: 'off';
};

/** A username (or a username-or-email login): never capitalised or spell-checked. */
export function LoginField({ autoComplete, ...props }: CredentialProps) {
  return <TextField {...props} autoComplete={autoComplete ?? 'username'} autoCapitalize="none" spellCheck={false} />;
}

export function EmailField({ autoComplete, ...props }: CredentialProps) {
  return <TextField {...props} type="email" autoComplete={autoComplete ?? 'email'} spellCheck={false} />;
}

/** `purpose`: the account's password as it is (`current`), or one being chosen (`new`). */
export function PasswordField({ purpose, autoComplete, ...props }: CredentialProps & { purpose: 'current' | 'new' }) {
  return <TextField {...props} type="password" autoComplete={autoComplete ?? (purpose === 'new' ? 'new-password' : 'current-password')} />;
}
