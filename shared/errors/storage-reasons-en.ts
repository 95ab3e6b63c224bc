// Why stored data cannot be used, in English, by code: a data key that cannot be had, an encrypted
// value that cannot be read, a database file that is refused. The file is never modified. What
// SQLite or the OS said is a raw parameter (`{detail}`), labelled, inside the sentence.
export const storageReasonsEnglish = {
  'data-key-unavailable': 'Encrypted data cannot be read: data key {keyId} {why} Nothing was changed.',
  'key-not-32-bytes': 'unwrapped to something that is not a 32-byte key.',
  'key-not-unlocked':
    'cannot be unlocked by {protectors} (the error: {detail}): it was protected on another machine or for another user, or its key file or keychain entry changed. Start the app as the user and on the machine that wrote it, or restore that key file.',
  'key-protection-not-offered': 'is protected by {wanted}, which this machine does not offer now (only {offered}).',
  'key-not-in-database': 'is not in this database (the value was copied from another database, or the key was removed).',
  'field-undecryptable': 'The encrypted value in {field} cannot be read: {why} Nothing was changed.',
  'field-not-v1': 'it is not in the v1:<key>:<iv>:<tag>:<data> format (plain text, or written by a newer app).',
  'field-not-a-key-id': '"{keyId}" is not a key id.',
  'field-iv-tag-length': 'its IV or tag has the wrong length.',
  'field-not-base64': 'it holds characters that are not base64.',
  'field-integrity-failed': 'it fails its integrity check under key {keyId} (the value was changed, or moved from another column).',

  'database-not-sqlite': 'Database {path}: It is not a SQLite database. Nothing was changed; move the file away or choose another data directory.',
  'database-foreign': 'Database {path}: It is a SQLite database of another application. Nothing was changed; choose another data directory. (found: {detail})',
  'database-too-new': 'Database {path}: It was written by a newer RebindDesk. Nothing was changed; install that version or newer. (found: {detail})',
  'database-damaged': 'Database {path}: It failed the integrity check. Nothing was changed; restore a backup (Settings → Backup) or contact support. (SQLite says: {detail})',
  'database-wrong-schema':
    'Database {path}: Its tables, columns, indexes or triggers are not the ones this RebindDesk makes. Nothing was changed; move the file away and restore a backup, or contact support. (differences: {detail})',
  'database-unreadable': 'Database {path}: It could not be read. Check the file permissions and free disk space, then start again. (the error: {detail})',
} as const;
